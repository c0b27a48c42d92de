using System;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// One IoT Hub Connections record in a shape-independent form. Only <see cref="Time"/>, <see cref="DeviceId"/> and
/// <see cref="Operation"/> are required; every other field is null when the export does not carry it.
/// </summary>
public sealed class ConnectionRecord
{
    /// <summary>Creates a record.</summary>
    public ConnectionRecord(DateTimeOffset time, string deviceId, ConnectionOperation operation)
    {
        Time = time.ToUniversalTime();
        DeviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
        Operation = operation;
    }

    /// <summary>When the hub logged the operation (UTC).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The device identity.</summary>
    public string DeviceId { get; }

    /// <summary>The module identity, when the connection was a module's.</summary>
    public string? ModuleId { get; set; }

    /// <summary>Connect or disconnect.</summary>
    public ConnectionOperation Operation { get; }

    /// <summary>The hub error code (<c>resultType</c>, e.g. 404104); null for a successful operation.</summary>
    public int? ResultCode { get; set; }

    /// <summary>The hub error name (<c>resultDescription</c>, e.g. DeviceConnectionClosedRemotely).</summary>
    public string? ResultDescription { get; set; }

    /// <summary>The device SDK's user-agent as logged (<c>sdkVersion</c>), e.g. <c>.NET/1.41.0 (...)</c>.</summary>
    public string? SdkVersion { get; set; }

    /// <summary>The protocol (<c>Mqtt</c>, <c>MqttWs</c>, <c>Amqp</c>, <c>AmqpWs</c>, <c>Http</c>).</summary>
    public string? Protocol { get; set; }

    /// <summary>The <c>authType</c> JSON as logged (scope, type, issuer).</summary>
    public string? AuthType { get; set; }

    /// <summary>The masked client IP address as logged (<c>maskedIpAddress</c>).</summary>
    public string? MaskedIp { get; set; }

    /// <summary>The file the record came from.</summary>
    public string? SourceFile { get; set; }

    /// <summary>The 1-based line in <see cref="SourceFile"/> where the record starts.</summary>
    public long SourceLine { get; set; }

    /// <summary>
    /// False when the source carries no result at all (Event Grid events): a disconnect then has an unknown reason and
    /// is attributed like a 404104, by timing alone.
    /// </summary>
    public bool HasResult { get; set; } = true;

    /// <summary>True when the record is a failed connect or a disconnect that carries an error code.</summary>
    public bool IsError => ResultCode.HasValue;

    /// <summary>The identity the hub allows one connection for: <c>device</c> or <c>device/module</c>.</summary>
    public string IdentityKey => ModuleId == null || ModuleId.Length == 0 ? DeviceId : DeviceId + "/" + ModuleId;
}
