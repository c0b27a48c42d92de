using System;
using System.IO;
using System.Text.Json;
using IotHubGuard.Diagnostics.Simulation;
using IotHubGuard.Tool;

namespace IotHubGuard.Diagnostics.Tests;

public sealed class DiagnoseCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("iothubguard-diagnose-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_folder_of_mixed_shapes_is_diagnosed_with_findings_exit_code_json_and_html()
    {
        var records = new FleetSimulator(new FleetScenario { Seed = 9 }.With(SimulatedFault.FixedToken, 6).With(SimulatedFault.Healthy, 10)).Generate();
        Directory.CreateDirectory(Path.Combine(folder, "logs", "h=08"));
        File.WriteAllBytes(Path.Combine(folder, "logs", "h=08", "PT1H.json"), ReaderShapeTests.Export(records, SimulatedExport.StorageJsonLines));
        File.WriteAllText(Path.Combine(folder, "logs", "notes.txt"), "ignored: not a log extension");
        string json = Path.Combine(folder, "report.json");
        string html = Path.Combine(folder, "report.html");

        (int exit, string stdout, string stderr) = Run("diagnose", Path.Combine(folder, "logs"), "--format", "json", "--output", json, "--html", html);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stderr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("SasTokenExpired", report.RootElement.GetProperty("causes")[0].GetProperty("cause").GetString());
        Assert.Equal(6, report.RootElement.GetProperty("causes")[0].GetProperty("affectedDevices").GetInt32());
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Healthy_logs_exit_0_and_unusable_lines_are_listed_on_stderr_with_file_and_line()
    {
        var records = new FleetSimulator(new FleetScenario { Seed = 2 }.With(SimulatedFault.Healthy, 5)).Generate();
        string file = Path.Combine(folder, "healthy.json");
        File.WriteAllBytes(file, ReaderShapeTests.Export(records, SimulatedExport.StorageJsonLines));
        File.AppendAllText(file, "{\"broken\n");

        (int exit, string stdout, string stderr) = Run("diagnose", file);

        Assert.Equal(0, exit);
        Assert.Contains("No 404104 disconnects to attribute.", stdout);
        Assert.Contains("1 unusable input line(s)", stdout);
        Assert.StartsWith(file + ":" + (records.Count + 1) + ": ", stderr);
    }

    [Theory]
    [InlineData(2, "diagnose")]
    [InlineData(2, "diagnose", "x.json", "--format", "xml")]
    [InlineData(2, "diagnose", "x.json", "--token-lifetime", "zero")]
    [InlineData(2, "diagnose", "x.json", "--no-such-option")]
    [InlineData(2, "explain")]
    [InlineData(3, "diagnose", "does-not-exist.json")]
    public void Bad_command_lines_and_missing_inputs_have_their_documented_exit_codes(int expected, params string[] args)
    {
        (int exit, _, string stderr) = Run(args);

        Assert.Equal(expected, exit);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public void Kql_prints_every_query_with_the_thresholds_given_on_the_command_line()
    {
        (int exit, string stdout, _) = Run("diagnose", "--kql", "--token-lifetime", "30", "--token-grace", "10");

        Assert.Equal(0, exit);
        foreach (KqlQuery query in KqlQueries.Build(new DiagnosisThresholds { TokenLifetime = TimeSpan.FromMinutes(30), TokenExpiryGrace = TimeSpan.FromMinutes(10) }))
        {
            Assert.Contains(query.Text, stdout);
        }

        Assert.Contains("let TokenSessionMax = 40m;", stdout);
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            Directory.SetCurrentDirectory(folder);
            int exit = Program.Main(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
