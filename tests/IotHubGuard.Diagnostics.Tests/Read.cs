using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace IotHubGuard.Diagnostics.Tests;

internal static class Read
{
    public static (List<ConnectionRecord> Records, List<LogReadProblem> Problems) Text(string text, string name = "input.json")
    {
        var problems = new List<LogReadProblem>();
        var reader = new ConnectionLogReader(problems.Add);
        List<ConnectionRecord> records = reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name).ToList();
        return (records, problems);
    }

    public static (List<ConnectionRecord> Records, List<LogReadProblem> Problems) Bytes(byte[] bytes, string name = "input.json")
    {
        var problems = new List<LogReadProblem>();
        var reader = new ConnectionLogReader(problems.Add);
        List<ConnectionRecord> records = reader.Read(new MemoryStream(bytes), name).ToList();
        return (records, problems);
    }
}
