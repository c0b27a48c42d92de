using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>Fields of one CSV row, by the header's column names (a <c>[UTC]</c> suffix is ignored).</summary>
internal sealed class CsvRecordFields : IRecordFields, IDisposable
{
    private readonly Dictionary<string, int> columns;
    private readonly List<string> values;
    private JsonRecordFields? parsedProperties;
    private System.Text.Json.JsonDocument? propertiesHolder;

    public CsvRecordFields(Dictionary<string, int> columns, List<string> values)
    {
        this.columns = columns;
        this.values = values;
    }

    public static Dictionary<string, int> MapHeader(List<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i].Trim().TrimStart('\uFEFF');
            int bracket = name.IndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0)
            {
                name = name.Substring(0, bracket);
            }

            if (!map.ContainsKey(name))
            {
                map[name] = i;
            }
        }

        return map;
    }

    public string? Get(string name)
    {
        if (!columns.TryGetValue(name, out int index) || index >= values.Count)
        {
            return null;
        }

        string value = values[index];
        return value.Length == 0 ? null : value;
    }

    public IRecordFields? GetObject(string name)
    {
        string? text = Get(name);
        if (text == null || text.TrimStart().Length == 0 || text.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            propertiesHolder?.Dispose();
            propertiesHolder = System.Text.Json.JsonDocument.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        parsedProperties = new JsonRecordFields(propertiesHolder.RootElement);
        return parsedProperties;
    }

    public void Dispose()
    {
        parsedProperties?.Dispose();
        propertiesHolder?.Dispose();
    }
}
