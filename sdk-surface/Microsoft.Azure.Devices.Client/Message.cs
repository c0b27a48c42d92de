// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Message.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Microsoft.Azure.Devices.Client;

/// <summary>A telemetry or cloud-to-device message.</summary>
public sealed class Message : IReadOnlyIndicator, IDisposable
{
    private const string SecurityMessageInterfaceId = "urn:azureiot:Security:SecurityAgent:1";

    private Stream _bodyStream;
    private bool _ownsStream;
    private bool _disposed;
    private int _bodyRead;

    public Message()
    {
        Properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        SystemProperties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        _bodyStream = Stream.Null;
        _ownsStream = true;
    }

    public Message(Stream stream)
        : this()
    {
        if (stream != null)
        {
            _bodyStream = stream;
            _ownsStream = false;
        }
    }

    public Message(byte[] byteArray)
        : this(new MemoryStream(byteArray))
    {
        _ownsStream = true;
    }

    public string MessageId
    {
        get => Get<string>("message-id");
        set => SystemProperties["message-id"] = value;
    }

    public string To
    {
        get => Get<string>("to");
        set => SystemProperties["to"] = value;
    }

    public DateTime ExpiryTimeUtc
    {
        get => Get<DateTime>("absolute-expiry-time");
        internal set => SystemProperties["absolute-expiry-time"] = value;
    }

    public string CorrelationId
    {
        get => Get<string>("correlation-id");
        set => SystemProperties["correlation-id"] = value;
    }

    public ulong SequenceNumber
    {
        get => Get<ulong>("sequence-number");
        internal set => SystemProperties["sequence-number"] = value;
    }

    public string LockToken
    {
        get => Get<string>("x-opt-lock-token");
        internal set => SystemProperties["x-opt-lock-token"] = value;
    }

    public DateTime EnqueuedTimeUtc
    {
        get => Get<DateTime>("x-opt-enqueued-time");
        internal set => SystemProperties["x-opt-enqueued-time"] = value;
    }

    public uint DeliveryCount
    {
        get => Get<byte>("x-opt-delivery-count");
        internal set => SystemProperties["x-opt-delivery-count"] = (byte)value;
    }

    public string UserId
    {
        get => Get<string>("user-id");
        set => SystemProperties["user-id"] = value;
    }

    public string MessageSchema
    {
        get => Get<string>("message-schema");
        set => SystemProperties["message-schema"] = value;
    }

    public DateTime CreationTimeUtc
    {
        get => Get<DateTime>("creation-time");
        set => SystemProperties["creation-time"] = value;
    }

    public bool IsSecurityMessage => SecurityMessageInterfaceId.Equals(Get<string>("interface-id"), StringComparison.Ordinal);

    public string ContentType
    {
        get => Get<string>("content-type");
        set => SystemProperties["content-type"] = value;
    }

    public string InputName
    {
        get => Get<string>("input-name");
        internal set => SystemProperties["input-name"] = value;
    }

    public string ConnectionDeviceId
    {
        get => Get<string>("connection-device-id");
        internal set => SystemProperties["connection-device-id"] = value;
    }

    public string ConnectionModuleId
    {
        get => Get<string>("connection-module-id");
        internal set => SystemProperties["connection-module-id"] = value;
    }

    public string ContentEncoding
    {
        get => Get<string>("content-encoding");
        set => SystemProperties["content-encoding"] = value;
    }

    public string ComponentName
    {
        get => Get<string>("dt-subject");
        set => SystemProperties["dt-subject"] = value;
    }

    /// <summary>Application properties (case-insensitive keys).</summary>
    public IDictionary<string, string> Properties { get; private set; }

    internal IDictionary<string, object> SystemProperties { get; private set; }

    bool IReadOnlyIndicator.IsReadOnly => false;

    public Stream BodyStream => _bodyStream;

    public void Dispose()
    {
        if (!_disposed && _ownsStream && _bodyStream != null)
        {
            _bodyStream.Dispose();
            _bodyStream = null;
        }

        _disposed = true;
    }

    /// <summary>The body stream; the body can be read once.</summary>
    public Stream GetBodyStream()
    {
        ThrowIfDisposedOrRead();
        return _bodyStream ?? Stream.Null;
    }

    /// <summary>The body as bytes; the body can be read once.</summary>
    public byte[] GetBytes()
    {
        ThrowIfDisposedOrRead();
        if (_bodyStream == null)
        {
            return Array.Empty<byte>();
        }

        using var copy = new MemoryStream();
        _bodyStream.CopyTo(copy);
        return copy.ToArray();
    }

    public Message CloneWithBody(in byte[] byteArray)
    {
        var clone = new Message(byteArray);
        foreach (KeyValuePair<string, string> p in Properties)
        {
            clone.Properties.Add(p.Key, p.Value);
        }

        foreach (KeyValuePair<string, object> p in SystemProperties)
        {
            clone.SystemProperties.Add(p.Key, p.Value);
        }

        return clone;
    }

    public void SetAsSecurityMessage()
    {
        SystemProperties["interface-id"] = SecurityMessageInterfaceId;
    }

    private T Get<T>(string key) => SystemProperties.TryGetValue(key, out object value) ? (T)value : default;

    private void ThrowIfDisposedOrRead()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(Message), "Message disposed");
        }

        if (Interlocked.Exchange(ref _bodyRead, 1) == 1)
        {
            throw new InvalidOperationException("The message body cannot be read multiple times. To reuse it store the value after reading.");
        }
    }
}
