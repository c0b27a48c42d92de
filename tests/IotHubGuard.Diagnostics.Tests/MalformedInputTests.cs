using System;
using System.Linq;
using System.Text;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

public class MalformedInputTests
{
    private const string Good1 = """{"time":"2026-12-01T10:00:00Z","operationName":"deviceConnect","category":"Connections","properties":"{\"deviceId\":\"a\"}"}""";
    private const string Good2 = """{"time":"2026-12-01T10:30:00Z","operationName":"deviceDisconnect","category":"Connections","resultType":"404104","properties":"{\"deviceId\":\"a\"}"}""";

    [Fact]
    public void A_malformed_json_line_is_reported_with_file_and_line_and_the_rest_is_read()
    {
        string text = Good1 + "\n" + "{\"time\":\"2026-12-01T10:10:00Z\",\"operationName\":" + "\n" + Good2 + "\n";

        var (records, problems) = Read.Text(text, "PT1H.json");

        Assert.Equal(2, records.Count);
        LogReadProblem problem = Assert.Single(problems);
        Assert.Equal("PT1H.json", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.StartsWith("PT1H.json:2: ", problem.ToString());
    }

    [Fact]
    public void A_truncated_last_json_line_is_reported_as_truncated()
    {
        string text = Good1 + "\n" + Good2 + "\n" + Good2.Substring(0, 40);

        var (records, problems) = Read.Text(text);

        Assert.Equal(2, records.Count);
        LogReadProblem problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("truncated", problem.Message);
    }

    [Fact]
    public void Records_without_device_or_time_are_reported_and_skipped()
    {
        string text = Good1 + "\n"
            + """{"time":"not a date","operationName":"deviceConnect","properties":{"deviceId":"a"}}""" + "\n"
            + """{"time":"2026-12-01T10:00:00Z","operationName":"deviceConnect","properties":{}}""" + "\n";

        var (records, problems) = Read.Text(text);

        Assert.Single(records);
        Assert.Equal(new long[] { 2, 3 }, problems.Select(p => p.Line));
        Assert.Contains("not a date", problems[0].Message);
        Assert.Contains("deviceId", problems[1].Message);
    }

    [Fact]
    public void A_truncated_records_document_keeps_the_records_before_the_cut_and_names_the_line()
    {
        var records = Enumerable.Range(0, 200)
            .Select(i => new ConnectionRecord(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i), "d", ConnectionOperation.Connect))
            .ToList();
        byte[] whole = ReaderShapeTests.Export(records, SimulatedExport.RecordsDocument);
        string text = Encoding.UTF8.GetString(whole);
        int cut = text.IndexOf("\"time\"", text.Length / 2, StringComparison.Ordinal) + 20;
        string truncated = text.Substring(0, cut);
        int lineOfCut = truncated.Count(c => c == '\n') + 1;

        var (read, problems) = Read.Text(truncated, "records.json");

        Assert.InRange(read.Count, 90, 110);
        LogReadProblem problem = Assert.Single(problems);
        Assert.Contains("truncated", problem.Message);
        Assert.InRange(problem.Line, lineOfCut - 12, lineOfCut);
    }

    [Fact]
    public void A_csv_row_with_a_bad_time_is_reported_and_a_truncated_quoted_field_ends_the_file()
    {
        const string Header = "TimeGenerated [UTC],Category,OperationName,Level,ResultType,ResultDescription,properties_s\n";
        string text = Header
            + "\"12/1/2026, 10:00:00.000 AM\",Connections,deviceConnect,Information,,,\"{\"\"deviceId\"\":\"\"a\"\"}\"\n"
            + "yesterday,Connections,deviceConnect,Information,,,\"{\"\"deviceId\"\":\"\"b\"\"}\"\n"
            + "\"12/1/2026, 10:30:00.000 AM\",Connections,deviceDisconnect,Error,404104,DeviceConnectionClosedRemotely,\"{\"\"deviceId\"\":\"\"a\"\"}\"\n"
            + "\"12/1/2026, 10:31:00.000 AM\",Connections,deviceConnect,Information,,,\"{\"\"device";

        var (records, problems) = Read.Text(text, "export.csv");

        Assert.Equal(2, records.Count);
        Assert.Equal(404104, records[1].ResultCode);
        Assert.Equal(new long[] { 3, 5 }, problems.Select(p => p.Line));
        Assert.Contains("truncated", problems[1].Message);
    }

    [Fact]
    public void A_csv_that_is_not_an_AzureDiagnostics_export_says_so()
    {
        var (records, problems) = Read.Text("a,b,c\n1,2,3\n", "other.csv");

        Assert.Empty(records);
        Assert.Contains("OperationName", Assert.Single(problems).Message);
    }
}
