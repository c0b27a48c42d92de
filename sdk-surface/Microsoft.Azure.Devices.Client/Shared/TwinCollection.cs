// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/TwinCollection.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.
// Deviations (the stand-in has no Newtonsoft.Json): no TwinCollection(JObject, JObject) constructor, and ToJson() instead of
// ToJson(Newtonsoft.Json.Formatting formatting = Formatting.None); a call "x.ToJson()" compiles against both. The stand-in
// stores values in a dictionary (nested objects become TwinCollection, arrays List<object>) and reads/writes JSON with
// System.Text.Json.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.Devices.Shared;

/// <summary>A set of twin properties (desired, reported or tags).</summary>
public class TwinCollection : IEnumerable
{
    private const string MetadataName = "$metadata";
    private const string LastUpdatedName = "$lastUpdated";
    private const string LastUpdatedVersionName = "$lastUpdatedVersion";
    private const string VersionName = "$version";

    private readonly Dictionary<string, object> _values;
    private Dictionary<string, object> _metadata;

    public TwinCollection()
        : this(new Dictionary<string, object>(StringComparer.Ordinal), null)
    {
    }

    public TwinCollection(string twinJson)
        : this(ParseObject(twinJson), null)
    {
    }

    public TwinCollection(string twinJson, string metadataJson)
        : this(ParseObject(twinJson), ParseObject(metadataJson))
    {
    }

    private TwinCollection(Dictionary<string, object> values, Dictionary<string, object> metadata)
    {
        _values = values ?? new Dictionary<string, object>(StringComparer.Ordinal);
        _metadata = metadata;
        if (_metadata == null && _values.TryGetValue(MetadataName, out object embedded) && embedded is TwinCollection embeddedMetadata)
        {
            _metadata = embeddedMetadata._values;
        }
    }

    public long Version =>
        _values.TryGetValue(VersionName, out object version) && version != null
            ? Convert.ToInt64(version, CultureInfo.InvariantCulture)
            : default;

    public int Count
    {
        get
        {
            int count = _values.Count;
            if (_values.ContainsKey(MetadataName))
            {
                count--;
            }

            if (_values.ContainsKey(VersionName))
            {
                count--;
            }

            return count;
        }
    }

    public dynamic this[string propertyName]
    {
        get
        {
            switch (propertyName)
            {
                case MetadataName:
                    return GetMetadata();
                case LastUpdatedName:
                    return GetLastUpdated();
                case LastUpdatedVersionName:
                    return GetLastUpdatedVersion();
            }

            if (_values.TryGetValue(propertyName, out object value))
            {
                return value;
            }

            throw new ArgumentOutOfRangeException(nameof(propertyName), "Unexpected property name '" + propertyName + "'.");
        }

        set => _values[propertyName] = (object)value;
    }

    public override string ToString() => ToJson();

    public Metadata GetMetadata() => new Metadata(GetLastUpdated(), GetLastUpdatedVersion());

    public DateTime GetLastUpdated() =>
        _metadata != null && _metadata.TryGetValue(LastUpdatedName, out object value) && value != null
            ? DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : default;

    public long? GetLastUpdatedVersion() =>
        _metadata != null && _metadata.TryGetValue(LastUpdatedVersionName, out object value) && value != null
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Stand-in for ToJson(Newtonsoft.Json.Formatting formatting = Formatting.None).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, _values);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public bool Contains(string propertyName) => _values.ContainsKey(propertyName);

    public IEnumerator GetEnumerator()
    {
        foreach (KeyValuePair<string, object> pair in _values)
        {
            if (pair.Key == MetadataName || pair.Key == VersionName)
            {
                continue;
            }

            yield return new KeyValuePair<string, dynamic>(pair.Key, pair.Value);
        }
    }

    public void ClearMetadata()
    {
        _values.Remove(MetadataName);
        _values.Remove(LastUpdatedName);
        _values.Remove(LastUpdatedVersionName);
        _values.Remove(VersionName);
    }

    public void ClearAllMetadata()
    {
        ClearMetadata();
        _metadata?.Clear();
    }

    private static Dictionary<string, object> ParseObject(string json)
    {
        if (json == null)
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? ReadObject(document.RootElement)
            : null;
    }

    private static Dictionary<string, object> ReadObject(JsonElement element)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            values[property.Name] = ReadValue(property.Value);
        }

        return values;
    }

    private static object ReadValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return new TwinCollection(ReadObject(element), null);
            case JsonValueKind.Array:
                var items = new List<object>();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items.Add(ReadValue(item));
                }

                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out long integer))
                {
                    return integer;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, Dictionary<string, object> values)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, object> pair in values)
        {
            writer.WritePropertyName(pair.Key);
            WriteValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case TwinCollection nested:
                WriteObject(writer, nested._values);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateTime d:
                writer.WriteStringValue(d);
                break;
            case DateTimeOffset o:
                writer.WriteStringValue(o);
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (object item in sequence)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IConvertible number when IsNumber(number):
                writer.WriteRawValue(Convert.ToString(number, CultureInfo.InvariantCulture));
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }

    private static bool IsNumber(IConvertible value)
    {
        switch (value.GetTypeCode())
        {
            case TypeCode.SByte:
            case TypeCode.Byte:
            case TypeCode.Int16:
            case TypeCode.UInt16:
            case TypeCode.Int32:
            case TypeCode.UInt32:
            case TypeCode.Int64:
            case TypeCode.UInt64:
            case TypeCode.Single:
            case TypeCode.Double:
            case TypeCode.Decimal:
                return true;
            default:
                return false;
        }
    }
}
