using System;
using System.IO;
using System.Linq;

namespace IotHubGuard.Diagnostics.Tests;

/// <summary>The sample logs in samples/diagnose diagnose to what their README promises.</summary>
public class ShippedSampleTests
{
    [Theory]
    [InlineData("storage", "ProcessExitWithoutClose=12,HubTransient=10,SasTokenExpired=9,SdkDefect=3,DuplicateIdentity=2,LinkLost=2,NoRecovery=2")]
    [InlineData("loganalytics", "SasTokenExpired=3,DuplicateIdentity=1,NoRecovery=0")]
    [InlineData("eventgrid", "ProcessExitWithoutClose=12")]
    public void Each_sample_folder_ranks_the_causes_its_readme_lists(string folder, string expected)
    {
        var reader = new ConnectionLogReader(problem => Assert.Fail(problem.ToString()));
        var engine = new AttributionEngine();
        foreach (string file in ConnectionLogReader.ExpandInputs(new[] { Path.Combine(RepositoryRoot(), "samples", "diagnose", folder) }))
        {
            foreach (ConnectionRecord record in reader.ReadFile(file))
            {
                engine.Add(record);
            }
        }

        DiagnosisReport report = engine.Complete();

        Assert.Equal(expected, string.Join(",", report.Causes.Select(c => c.Cause + "=" + c.AffectedDevices)));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
