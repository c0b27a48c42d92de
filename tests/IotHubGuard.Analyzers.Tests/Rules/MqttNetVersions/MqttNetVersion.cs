using System;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>
/// One snippet, both MQTTnet majors: <c>$usings$</c> and <c>$factory$</c> become the 5.x (real package) or the 4.3
/// (stand-in) spelling, so every shape that exists in both is checked against both.
/// </summary>
internal static class MqttNetVersion
{
    public static TheoryData<Libraries> Both => new() { Libraries.MqttNet, Libraries.MqttNet4 };

    public static string Shape(string source, Libraries libraries)
    {
        var is4 = libraries.HasFlag(Libraries.MqttNet4);
        return source
            .Replace("$usings$", is4 ? "using MQTTnet;\nusing MQTTnet.Client;" : "using MQTTnet;", StringComparison.Ordinal)
            .Replace("$factory$", is4 ? "MqttFactory" : "MqttClientFactory", StringComparison.Ordinal);
    }
}
