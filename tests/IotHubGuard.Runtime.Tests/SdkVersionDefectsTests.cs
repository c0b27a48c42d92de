using System;
using System.Linq;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class SdkVersionDefectsTests
{
    [Theory]
    [InlineData("1.42.3", "1.42.3.0")]
    [InlineData("1.42", "1.42.0.0")]
    [InlineData("1", "1.0.0.0")]
    [InlineData("1.42.3.0", "1.42.3.0")]
    [InlineData(" v1.7.2 ", "1.7.2.0")]
    [InlineData("V1.17.0", "1.17.0.0")]
    [InlineData("2.0.0-preview008", "2.0.0.0")]
    [InlineData("1.42.3+2a97dd06e", "1.42.3.0")]
    [InlineData("1.43.0-edgeLts+abc", "1.43.0.0")]
    [InlineData("01.042.003", "1.42.3.0")]
    public void TryParseVersion_accepts_real_world_forms(string text, string expected)
    {
        Assert.True(SdkVersionDefects.TryParseVersion(text, out Version version));
        Assert.Equal(Version.Parse(expected), version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1..2")]
    [InlineData("1.2.3.4.5")]
    [InlineData("-1.2")]
    [InlineData("1.x")]
    [InlineData("+sha")]
    [InlineData("1.2 3")]
    [InlineData("1.2.")]
    [InlineData("99999999999.1")]
    [InlineData("v")]
    public void TryParseVersion_returns_false_on_garbage(string? text)
    {
        Assert.False(SdkVersionDefects.TryParseVersion(text, out Version version));
        Assert.Equal(new Version(0, 0, 0, 0), version);
    }

    [Fact]
    public void Versions_compare_numerically_not_as_text()
    {
        Assert.True(SdkVersionDefects.Compare(new Version(1, 7, 2), new Version(1, 17, 0)) < 0);
        Assert.True(SdkVersionDefects.Compare(new Version(1, 42), new Version(1, 42, 0, 0)) == 0);
        Assert.True(SdkVersionDefects.Compare(new Version(1, 9), new Version(1, 10)) < 0);
        Assert.Equal("1.42.0", SdkVersionDefects.Format(new Version(1, 42)));
        Assert.Equal("1.42.3.7", SdkVersionDefects.Format(new Version(1, 42, 3, 7)));
    }

    [Theory]
    [InlineData("1.7.2", "1.28.0", "PINGRESP")]        // 1.7.2 -> 1.17.0 numbering jump: still before 1.28
    [InlineData("1.17.0", "1.28.0", "PINGRESP")]
    [InlineData("1.27.9", "1.28.0", "PINGRESP")]
    [InlineData("1.34.0", "1.35.0", "AMQP sockets open")]
    [InlineData("1.34.9", "1.35.0", "AMQP sockets open")]
    [InlineData("1.38.0", "1.40.0", "process alive after CloseAsync")]
    [InlineData("1.39.1", "1.40.0", "process alive after CloseAsync")]
    [InlineData("1.40.0", "1.42.0", "SAS token refresh loop")]
    [InlineData("1.41.3", "1.42.0", "SAS token refresh loop")]
    [InlineData("1.42.0", "1.42.1", "unobserved MQTT exceptions")]
    [InlineData("1.42.2", "1.42.3", "DotNetty")]
    public void FindWorstDefect_names_the_worst_defect_the_version_still_has(string version, string fixedIn, string fragment)
    {
        SdkDefect? defect = SdkVersionDefects.FindWorstDefect(Version.Parse(version));
        Assert.NotNull(defect);
        Assert.Equal(Version.Parse(fixedIn + ".0"), defect!.FixedIn);
        Assert.Contains(fragment, defect.Summary);
        Assert.False(string.IsNullOrWhiteSpace(defect.Source));
    }

    [Theory]
    [InlineData("1.42.3")]
    [InlineData("1.42.3.0")]
    [InlineData("1.43.0")]
    [InlineData("2.0.0")]
    public void FindWorstDefect_is_null_for_current_versions(string version)
    {
        Assert.Null(SdkVersionDefects.FindWorstDefect(Version.Parse(version)));
        Assert.Empty(SdkVersionDefects.FindDefects(Version.Parse(version)));
    }

    [Fact]
    public void Regressions_only_affect_the_versions_that_introduced_them()
    {
        // Dispose() leaving AMQP sockets open came with 1.34.0: 1.33.x does not have it.
        Assert.DoesNotContain(SdkVersionDefects.FindDefects(new Version(1, 33, 1)), d => d.Summary.Contains("AMQP sockets open"));
        Assert.Contains(SdkVersionDefects.FindDefects(new Version(1, 34, 0)), d => d.Summary.Contains("AMQP sockets open"));
        Assert.DoesNotContain(SdkVersionDefects.FindDefects(new Version(1, 37, 0)), d => d.Summary.Contains("process alive"));
    }

    [Fact]
    public void Lts_backports_count_as_fixed_on_their_own_line_only()
    {
        static bool HasRefreshLoopDefect(Version v) =>
            SdkVersionDefects.FindDefects(v).Any(d => d.Summary.Contains("SAS token refresh loop"));

        Assert.True(HasRefreshLoopDefect(new Version(1, 36, 6)));
        Assert.False(HasRefreshLoopDefect(new Version(1, 36, 7)));
        Assert.False(HasRefreshLoopDefect(new Version(1, 36, 10)));
        Assert.True(HasRefreshLoopDefect(new Version(1, 37, 0)));
        Assert.True(HasRefreshLoopDefect(new Version(1, 41, 3)));
    }

    [Fact]
    public void Table_is_ordered_and_complete()
    {
        Version? previous = null;
        foreach (SdkDefect defect in SdkVersionDefects.Defects)
        {
            Assert.InRange(defect.Severity, 1, 6);
            Assert.False(string.IsNullOrWhiteSpace(defect.Summary));
            Assert.False(string.IsNullOrWhiteSpace(defect.Source));
            Assert.False(defect.Summary.EndsWith(".", StringComparison.Ordinal)); // messages append "(fixed in ...)"
            if (defect.IntroducedIn != null)
            {
                Assert.True(defect.IntroducedIn < defect.FixedIn);
            }

            if (previous != null)
            {
                Assert.True(previous <= defect.FixedIn, $"{defect.FixedIn} is out of order");
            }

            previous = defect.FixedIn;
        }

        Assert.Equal(new Version(1, 42, 3, 0), SdkVersionDefects.LatestRelease);
        Assert.Null(SdkVersionDefects.FindWorstDefect(SdkVersionDefects.LatestRelease));
    }

    [Theory]
    [InlineData("2.0.0-preview008", SdkReleaseKind.EndOfLife)]
    [InlineData("2.0.0-preview007+c5928721", SdkReleaseKind.EndOfLife)]
    [InlineData("2.0.0-PREVIEW001", SdkReleaseKind.EndOfLife)]
    [InlineData("1.43.0-edgeLts", SdkReleaseKind.Preview)]
    [InlineData("1.42.0-rc1", SdkReleaseKind.Preview)]
    [InlineData("1.42.3", SdkReleaseKind.Release)]
    [InlineData("1.42.3+2a97dd06e", SdkReleaseKind.Release)]
    [InlineData("1.36.10", SdkReleaseKind.Release)]
    [InlineData(null, SdkReleaseKind.Unknown)]
    [InlineData("", SdkReleaseKind.Unknown)]
    [InlineData("not a version", SdkReleaseKind.Unknown)]
    public void ClassifyInformationalVersion(string? informational, object expected)
    {
        Assert.Equal((SdkReleaseKind)expected, SdkVersionDefects.ClassifyInformationalVersion(informational));
    }

    [Fact]
    public void GetPrereleaseLabel_ignores_build_metadata()
    {
        Assert.Equal("preview008", SdkVersionDefects.GetPrereleaseLabel("2.0.0-preview008+abc"));
        Assert.Equal(string.Empty, SdkVersionDefects.GetPrereleaseLabel("1.42.3+abc-def"));
    }
}
