using System;
using System.Text;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>
/// A copy of an exception thrown by the user's code (an input callback, a close delegate) that is safe to log: the
/// message and every inner exception's message go through <see cref="SecretRedactor"/>, the stack trace is kept.
/// <see cref="ToString"/> names the original types, so the host's "failed to start" log stays useful.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _stackTrace;

    private RedactedException(Exception original)
        : base(SecretRedactor.Redact(original.Message), Copy(original.InnerException))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = SecretRedactor.Redact(original.StackTrace);
        HResult = original.HResult;
    }

    /// <summary>The full name of the type that was thrown.</summary>
    public string OriginalType { get; }

    public override string StackTrace => _stackTrace;

    /// <summary>Copies <paramref name="original"/> and its inner chain with redacted messages; null stays null.</summary>
    public static RedactedException? Copy(Exception? original) => original == null ? null : new RedactedException(original);

    /// <summary>"Type: message ---> InnerType: message", redacted, for a log line.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" ---> ");
            }

            string type = current is RedactedException redacted ? redacted.OriginalType : current.GetType().FullName ?? current.GetType().Name;
            text.Append(type).Append(": ").Append(SecretRedactor.Redact(current.Message));
        }

        return text.ToString();
    }

    public override string ToString()
    {
        var text = new StringBuilder(OriginalType).Append(": ").Append(Message);
        if (InnerException != null)
        {
            text.Append(" ---> ").Append(InnerException).AppendLine().Append("   --- End of inner exception stack trace ---");
        }

        if (_stackTrace.Length > 0)
        {
            text.AppendLine().Append(_stackTrace);
        }

        return text.ToString();
    }
}
