using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace IotHubGuard.Runtime.Tests;

/// <summary>Records every log entry, formatted the way a console provider would print it (message, state, exception).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Text)> Entries { get; } = new();

    public string AllText => string.Join(Environment.NewLine, Entries.Select(e => $"{e.Level} {e.Category}[{e.EventId}] {e.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly CapturingLoggerProvider _owner;
        private readonly string _category;

        public Logger(CapturingLoggerProvider owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string text = formatter(state, exception) + " | state: " + state + (exception == null ? string.Empty : " | exception: " + exception);
            _owner.Entries.Enqueue((_category, logLevel, eventId, text));
        }
    }
}
