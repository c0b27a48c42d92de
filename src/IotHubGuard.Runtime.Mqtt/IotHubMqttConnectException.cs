using System;
using MQTTnet;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>The hub (or broker) answered a CONNECT with a refusal (for example bad user name or password).</summary>
public sealed class IotHubMqttConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="resultCode">The CONNACK result code.</param>
    /// <param name="reasonString">The broker's reason text, if any.</param>
    public IotHubMqttConnectException(MqttClientConnectResultCode resultCode, string? reasonString)
        : base(SecretRedactor.Redact("The CONNECT was refused: " + resultCode + (string.IsNullOrEmpty(reasonString) ? "." : " (" + reasonString + ").")))
    {
        ResultCode = resultCode;
    }

    /// <summary>The CONNACK result code.</summary>
    public MqttClientConnectResultCode ResultCode { get; }
}
