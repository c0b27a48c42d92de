using System;
using System.Diagnostics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Progress lines for the slow steps (pack, consumer restores and builds), so `dotnet test` never sits silent for
/// minutes. They go to xunit's diagnostic sink (enabled in xunit.runner.json; the project's VSTest console logger runs
/// at normal verbosity so they are printed), prefixed with the time since the test run started.
/// </summary>
public static class Progress
{
    private static readonly Stopwatch s_clock = Stopwatch.StartNew();
    private static IMessageSink? s_sink;

    /// <summary>Where the lines go; set by the first <see cref="PackedPackageFixture"/> xunit creates.</summary>
    internal static void Attach(IMessageSink sink) => s_sink ??= sink;

    public static void Report(string message)
    {
        var line = $"[package tests {s_clock.Elapsed:mm\\:ss}] {message}";
        s_sink?.OnMessage(new DiagnosticMessage(line));
    }
}
