using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotHubGuard.Diagnostics.Tests;

public class KqlQueryTests
{
    // Kusto operators, keywords and functions the queries may use. Anything else that is not defined in the query
    // itself must be a documented AzureDiagnostics column.
    private static readonly HashSet<string> Kusto = new HashSet<string>(StringComparer.Ordinal)
    {
        "let", "where", "and", "or", "not", "extend", "project", "summarize", "by", "order", "asc", "desc", "join", "kind", "leftouter",
        "inner", "on", "in", "between", "startswith", "parse_json", "tostring", "toint", "iff", "isempty", "isnotnull", "isnull", "strcat",
        "countif", "dcountif", "dcount", "count", "bin", "abs", "max", "min", "maxif", "minif", "sum", "percentile", "take_any", "toscalar",
        "coalesce", "extract", "parse_version", "h", "m", "s", "d", "AzureDiagnostics",
    };

    [Fact]
    public void Every_query_reads_only_documented_AzureDiagnostics_columns()
    {
        foreach (KqlQuery query in KqlQueries.Build(DiagnosisThresholds.Default))
        {
            string code = StripCommentsAndStrings(query.Text);
            var defined = new HashSet<string>(
                Regex.Matches(code, @"\blet\s+([A-Za-z_]\w*)").Select(m => m.Groups[1].Value)
                    .Concat(Regex.Matches(code, @"([A-Za-z_]\w*)\s*=(?!=)").Select(m => m.Groups[1].Value)),
                StringComparer.Ordinal);

            var unknown = Regex.Matches(code, @"(?<![\w.])[A-Za-z_]\w*")
                .Select(m => m.Value)
                .Where(name => !Kusto.Contains(name) && !defined.Contains(name))
                .Distinct()
                .Where(name => !KqlQueries.Columns.Contains(name))
                .ToList();

            Assert.True(unknown.Count == 0, query.Id + " uses undocumented names: " + string.Join(", ", unknown));
            Assert.Contains("AzureDiagnostics", code);
            Assert.Contains("Category == \"Connections\"", query.Text);
        }
    }

    [Fact]
    public void The_columns_the_queries_read_are_the_ones_the_IoT_Hub_docs_and_the_table_reference_name()
    {
        Assert.Equal(
            new[] { "Category", "Level", "OperationName", "ResourceProvider", "ResourceType", "ResultDescription", "ResultType", "TimeGenerated", "properties_s" },
            KqlQueries.Columns.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(60, 2, 15, 2, 10, 0.02, 30)]
    [InlineData(30, 1, 10, 3, 25, 0.1, 45)]
    public void The_thresholds_in_every_query_are_the_engines(int lifetime, int early, int grace, int window, int burstDevices, double fraction, int never)
    {
        var thresholds = new DiagnosisThresholds
        {
            TokenLifetime = TimeSpan.FromMinutes(lifetime),
            TokenLifetimeEarly = TimeSpan.FromMinutes(early),
            TokenExpiryGrace = TimeSpan.FromMinutes(grace),
            CompanionWindow = TimeSpan.FromMinutes(window),
            BurstMinDevices = burstDevices,
            BurstMinFraction = fraction,
            NeverReconnectAfter = TimeSpan.FromMinutes(never),
        };

        foreach (KqlQuery query in KqlQueries.Build(thresholds))
        {
            Dictionary<string, string> lets = Regex.Matches(query.Text, @"^let (\w+) = ([^;\n]+);", RegexOptions.Multiline)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.Equal(thresholds.TokenSessionMin, Span(lets["TokenSessionMin"]));
            Assert.Equal(thresholds.TokenSessionMax, Span(lets["TokenSessionMax"]));
            Assert.Equal(thresholds.CompanionWindow, Span(lets["CompanionWindow"]));
            Assert.Equal(thresholds.BurstBucket, Span(lets["BurstBucket"]));
            Assert.Equal(thresholds.NeverReconnectAfter, Span(lets["NeverReconnectAfter"]));
            Assert.Equal(burstDevices, int.Parse(lets["BurstMinDevices"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(fraction, double.Parse(lets["BurstMinFraction"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("\"1.42.0\"", lets["SdkMinimum"]);
        }
    }

    [Fact]
    public void There_is_a_query_for_each_cause_the_logs_can_show()
    {
        var causes = KqlQueries.Build(DiagnosisThresholds.Default).Where(q => q.Cause.HasValue).Select(q => q.Cause!.Value).ToList();

        Assert.Equal(
            new[] { DisconnectCause.SasTokenExpired, DisconnectCause.DuplicateIdentity, DisconnectCause.ProcessExitWithoutClose, DisconnectCause.NoRecovery, DisconnectCause.SdkDefect },
            causes);
    }

    private static TimeSpan Span(string literal)
    {
        long value = long.Parse(literal.Substring(0, literal.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return literal.EndsWith("m", StringComparison.Ordinal) ? TimeSpan.FromMinutes(value) : TimeSpan.FromSeconds(value);
    }

    private static string StripCommentsAndStrings(string text)
    {
        string noComments = Regex.Replace(text, @"//[^\n]*", string.Empty);
        return Regex.Replace(noComments, "@?\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
