using System;
using System.Collections.Generic;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>Fields of a JSON object. Nested documents parsed from strings are owned and disposed with it.</summary>
internal sealed class JsonRecordFields : IRecordFields, IDisposable
{
    private readonly JsonElement element;
    private readonly JsonRecordFields root;
    private List<JsonDocument>? owned;

    public JsonRecordFields(JsonElement element)
    {
        this.element = element;
        root = this;
    }

    private JsonRecordFields(JsonElement element, JsonRecordFields root)
    {
        this.element = element;
        this.root = root;
    }

    public string? Get(string name)
    {
        if (!TryFind(name, out JsonElement value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return value.GetRawText();
        }
    }

    public IRecordFields? GetObject(string name)
    {
        if (!TryFind(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new JsonRecordFields(value, root);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string? text = value.GetString();
        if (text == null || text.TrimStart().Length == 0 || text.TrimStart()[0] != '{')
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // A properties string that is not JSON is treated as absent: the rest of the record is still usable.
            return null;
        }

        root.owned ??= new List<JsonDocument>();
        root.owned.Add(document);
        return new JsonRecordFields(document.RootElement, root);
    }

    public void Dispose()
    {
        if (owned != null)
        {
            foreach (JsonDocument document in owned)
            {
                document.Dispose();
            }

            owned.Clear();
        }
    }

    private bool TryFind(string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
