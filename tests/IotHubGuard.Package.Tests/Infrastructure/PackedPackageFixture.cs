using System;
using Xunit.Abstractions;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The class fixture every package test class uses. All instances share ONE <see cref="PackedPackage"/> (one pack, one
/// packages folder, one SDK stand-in per version), so adding a test class costs its own consumer builds only.
/// </summary>
/// <example>
/// A new test class:
/// <code>
/// public sealed class MyRuleTests : IClassFixture&lt;PackedPackageFixture&gt;
/// {
///     private readonly PackedPackageFixture _package;
///
///     public MyRuleTests(PackedPackageFixture package) => _package = package;
///
///     [Fact]
///     public void Consumer_SeesMyRule()
///     {
///         var build = _package.Consumer("MyRuleConsumer")          // unique name per consumer
///             .WithSource("Device.cs", MySources.Firing)
///             .WithEditorConfig("dotnet_diagnostic.AZIOT999.severity = error\n")
///             .Build();
///
///         Assert.True(build.ExitCode != 0, build.ToString());
///         Assert.Contains(BuildOutput.AziotLines(build.Output), l =&gt; l.Contains("error AZIOT999", StringComparison.Ordinal));
///     }
/// }
/// </code>
/// Classes run in parallel (two at a time on two cores); tests inside one class run one after the other.
/// </example>
public sealed class PackedPackageFixture
{
    public static readonly TimeSpan CommandTimeout = PackedPackage.CommandTimeout;

    public PackedPackageFixture(IMessageSink diagnostics)
    {
        Progress.Attach(diagnostics);
        Package = PackedPackage.Shared;
    }

    public PackedPackage Package { get; }

    public string RepositoryRoot => Package.RepositoryRoot;

    public string WorkDirectory => Package.WorkDirectory;

    public string FeedDirectory => Package.FeedDirectory;

    public string Version => Package.Version;

    public DotNetCli.Result PackResult => Package.PackResult;

    /// <summary>The IotHubGuard.Analyzers nupkg, or null when the pack failed.</summary>
    public string? PackagePath => Package.PackagePath;

    /// <summary>A new consumer project (net10.0 console library referencing the packed analyzers, MQTTnet and the SDK stand-in).</summary>
    public ConsumerProject Consumer(string name) => new(this, name);
}
