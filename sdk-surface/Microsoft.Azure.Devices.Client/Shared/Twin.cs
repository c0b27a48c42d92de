// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/Twin.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.
// Deviations (the stand-in has no Newtonsoft.Json): no [JsonConverter]/[JsonProperty] attributes, and ToJson() instead of
// ToJson(Newtonsoft.Json.Formatting formatting = Formatting.None); a call "twin.ToJson()" compiles against both.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.Devices.Shared;

/// <summary>A device or module twin.</summary>
public class Twin : IETagHolder
{
    public Twin()
    {
        Tags = new TwinCollection();
        Properties = new TwinProperties();
    }

    public Twin(string deviceId)
        : this()
    {
        DeviceId = deviceId;
    }

    public Twin(TwinProperties twinProperties)
    {
        Tags = new TwinCollection();
        Properties = twinProperties;
    }

    public string DeviceId { get; set; }

    public string ModelId { get; set; }

    public string ModuleId { get; set; }

    public TwinCollection Tags { get; set; }

    public TwinProperties Properties { get; set; }

    public IDictionary<string, ConfigurationInfo> Configurations { get; internal set; }

    public DeviceCapabilities Capabilities { get; set; }

    public string ETag { get; set; }

    public long? Version { get; set; }

    public DeviceStatus? Status { get; internal set; }

    public string StatusReason { get; internal set; }

    public DateTime? StatusUpdatedTime { get; internal set; }

    public DeviceConnectionState? ConnectionState { get; internal set; }

    public DateTime? LastActivityTime { get; internal set; }

    public int? CloudToDeviceMessageCount { get; internal set; }

    public AuthenticationType? AuthenticationType { get; internal set; }

    public X509Thumbprint X509Thumbprint { get; internal set; }

    public string DeviceScope { get; internal set; }

    public virtual IReadOnlyList<string> ParentScopes { get; internal set; } = new List<string>();

    /// <summary>Stand-in for ToJson(Newtonsoft.Json.Formatting formatting = Formatting.None): the main fields only.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("deviceId", DeviceId);
            if (ModuleId != null)
            {
                writer.WriteString("moduleId", ModuleId);
            }

            writer.WriteString("etag", ETag);
            if (Version.HasValue)
            {
                writer.WriteNumber("version", Version.Value);
            }

            writer.WritePropertyName("tags");
            writer.WriteRawValue((Tags ?? new TwinCollection()).ToJson());
            writer.WritePropertyName("properties");
            writer.WriteStartObject();
            writer.WritePropertyName("desired");
            writer.WriteRawValue((Properties?.Desired ?? new TwinCollection()).ToJson());
            writer.WritePropertyName("reported");
            writer.WriteRawValue((Properties?.Reported ?? new TwinCollection()).ToJson());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
