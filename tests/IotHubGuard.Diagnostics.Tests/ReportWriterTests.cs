using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using IotHubGuard.Diagnostics.Reporting;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

public class ReportWriterTests
{
    private static readonly Lazy<DiagnosisReport> Report = new Lazy<DiagnosisReport>(() => Fleet.Run(
        new FleetScenario { Seed = 3 }
            .With(SimulatedFault.TokenExpiresEachLifetime, 12)
            .With(SimulatedFault.DeployWithoutClose, 15)
            .With(SimulatedFault.NoRecovery, 2, prefix: "<b>&\"norecovery")
            .With(SimulatedFault.Healthy, 20)).Report);

    [Fact]
    public void Json_lists_the_causes_ranked_with_rules_fix_samples_and_the_thresholds()
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(Report.Value, stream);

        using JsonDocument json = JsonDocument.Parse(stream.ToArray());
        JsonElement causes = json.RootElement.GetProperty("causes");
        Assert.Equal("ProcessExitWithoutClose", causes[0].GetProperty("cause").GetString());
        Assert.Equal(15, causes[0].GetProperty("affectedDevices").GetInt32());
        Assert.Equal("SasTokenExpired", causes[1].GetProperty("cause").GetString());
        Assert.Equal("AZIOT101", causes[1].GetProperty("rules")[0].GetString());
        Assert.NotEmpty(causes[1].GetProperty("samples")[0].GetProperty("evidence").EnumerateArray());
        Assert.Equal("60 min", json.RootElement.GetProperty("thresholds").GetProperty("token-lifetime").GetString());
        Assert.Equal(Report.Value.Disconnects404104, json.RootElement.GetProperty("disconnects404104").GetInt64());
    }

    [Fact]
    public void Sarif_has_one_result_per_cause_under_a_declared_rule_with_its_help_link()
    {
        using var stream = new MemoryStream();
        SarifReportWriter.Write(Report.Value, stream, "1.2.3");

        using JsonDocument sarif = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        JsonElement run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Report.Value.Causes.Count, results.Count);
        foreach (JsonElement result in results)
        {
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.EndsWith(result.GetProperty("ruleId").GetString() + ".md", rules[index].GetProperty("helpUri").GetString());
        }

        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "AZIOT201");
    }

    [Fact]
    public void Html_is_self_contained_escapes_device_ids_and_draws_histogram_and_timelines()
    {
        var text = new StringWriter();
        HtmlReportWriter.Write(Report.Value, text);
        string html = text.ToString();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>&\"norecovery", html);
        Assert.Contains("&lt;b&gt;&amp;&quot;norecovery", html);
        Assert.Contains("aria-label=\"session length histogram\"", html);
        Assert.Contains("aria-label=\"device timelines\"", html);
        Assert.Contains("token lifetime window", html);
    }

    [Fact]
    public void Text_and_markdown_rank_causes_by_affected_devices_and_name_rule_and_fix()
    {
        var text = new StringWriter();
        TextReportWriter.Write(Report.Value, text);
        var markdown = new StringWriter();
        MarkdownReportWriter.Write(Report.Value, markdown);

        string console = text.ToString();
        Assert.True(console.IndexOf("Process exit without closing", StringComparison.Ordinal) < console.IndexOf("SAS token expired", StringComparison.Ordinal));
        Assert.Contains("[AZIOT101, AZIOT102", console);
        Assert.Contains("Fix: Close the client on shutdown", console);
        Assert.Contains("| 1 | Process exit without closing the client (deploy/restart wall) | [AZIOT201]", markdown.ToString());
        Assert.Contains("| token-lifetime | 60 min |", markdown.ToString());
    }
}
