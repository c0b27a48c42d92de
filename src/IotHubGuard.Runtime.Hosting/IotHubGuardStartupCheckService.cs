using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>
/// Runs <see cref="StartupCheck"/> when the host starts (in <c>StartingAsync</c>, before any hosted service's
/// <c>StartAsync</c>), logs every finding and fails the start on errors.
/// </summary>
internal sealed class IotHubGuardStartupCheckService : IHostedLifecycleService
{
    private readonly IServiceProvider _services;
    private readonly IotHubGuardOptions _options;
    private readonly ILogger _logger;
    private int _ran;

    public IotHubGuardStartupCheckService(IServiceProvider services, IotHubGuardOptions options, ILogger logger)
    {
        _services = services;
        _options = options;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        RunOnce();
        return Task.CompletedTask;
    }

    // Hosts that do not call StartingAsync still get the check, in registration order.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RunOnce();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RunOnce()
    {
        if (Interlocked.Exchange(ref _ran, 1) != 0)
        {
            return;
        }

        StartupCheckInput input;
        try
        {
            input = _options.InputFactory?.Invoke(_services) ?? _options.Input ?? new StartupCheckInput();
            _options.ConfigureInput?.Invoke(_services, input);
        }
        catch (Exception ex)
        {
            // User code: its message may hold the connection string it was reading. Neither our log line nor the
            // exception the host logs as "failed to start" may carry it, so the original is replaced by a redacted copy.
            string problem = RedactedException.Describe(ex);
            _logger.LogError(new EventId(0, "IotHubGuard"), "IotHubGuard startup check: building the input failed: {Problem}", problem);
            if (_options.FailOnErrors)
            {
                string message = "IotHubGuard startup check: InputFactory or ConfigureInput threw " + problem;
                throw ex is ArgumentException
                    ? new ArgumentException(message, RedactedException.Copy(ex))
                    : new InvalidOperationException(message, RedactedException.Copy(ex));
            }

            return;
        }

        StartupCheckReport report;
        try
        {
            report = StartupCheck.Run(input);
        }
        catch (ArgumentException ex)
        {
            // The message names the malformed part and never holds a secret; the exception object is not logged,
            // so no provider can render anything else from it.
            _logger.LogError(new EventId(0, "IotHubGuard"), "IotHubGuard startup check: invalid input: {Problem}", SecretRedactor.Redact(ex.Message));
            if (_options.FailOnErrors)
            {
                throw;
            }

            return;
        }

        if (report.Findings.Count == 0)
        {
            _logger.LogInformation(new EventId(0, "IotHubGuard"), "{Summary}", report.ToString());
        }

        foreach (Finding finding in report.Findings)
        {
            LogLevel level = finding.Severity switch
            {
                FindingSeverity.Error => LogLevel.Error,
                FindingSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            _logger.Log(level, ToEventId(finding.RuleId), "IotHubGuard {RuleId}: {Message}", finding.RuleId, finding.Message);
        }

        bool fail = report.HasErrors || (_options.TreatWarningsAsErrors && report.HasWarnings);
        if (fail && _options.FailOnErrors)
        {
            throw new IotHubGuardException(report);
        }
    }

    // AZIOT301 -> event 301, so log queries can filter by rule.
    private static EventId ToEventId(string ruleId)
    {
        int digits = ruleId.Length;
        while (digits > 0 && char.IsDigit(ruleId[digits - 1]))
        {
            digits--;
        }

        int number = int.TryParse(ruleId.Substring(digits), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
        return new EventId(number, ruleId);
    }
}
