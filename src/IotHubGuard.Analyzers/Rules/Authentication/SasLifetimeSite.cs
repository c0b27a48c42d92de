using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>What a SAS setting controls.</summary>
internal enum SasSettingKind
{
    /// <summary>The token lifetime.</summary>
    TimeToLive,

    /// <summary>The renewal buffer, a percentage of the lifetime.</summary>
    RenewalBuffer,
}

/// <summary>How the AZIOT102 fix must write the replacement value.</summary>
internal enum SasValueForm
{
    /// <summary>An <c>int</c> number of seconds (<c>suggestedTimeToLiveSeconds</c>).</summary>
    Seconds,

    /// <summary>A <c>TimeSpan</c> (<c>SasTokenTimeToLive</c>, <c>SharedAccessSignatureBuilder.TimeToLive</c>).</summary>
    TimeSpan,

    /// <summary>An <c>int</c> percentage (<c>SasTokenRenewalBuffer</c>, <c>timeBufferPercentage</c>).</summary>
    Percent,
}

/// <summary>
/// A place where code sets a SAS token lifetime or renewal buffer (AZIOT102): <c>ClientOptions.SasTokenTimeToLive</c>,
/// <c>ClientOptions.SasTokenRenewalBuffer</c>, <c>SharedAccessSignatureBuilder.TimeToLive</c>, and the
/// <c>suggestedTimeToLiveSeconds</c> / <c>timeBufferPercentage</c> arguments of every SDK constructor of the
/// <c>AuthenticationWithTokenRefresh</c> family — in <c>new</c> expressions and in <c>base(…)</c> calls of user subclasses.
/// </summary>
internal readonly struct SasLifetimeSite
{
    public const string ReplacementKey = "Replacement";
    public const string FormKey = "Form";

    private SasLifetimeSite(IOperation value, SasSettingKind kind, SasValueForm form, string settingName, bool zeroIsDefault)
    {
        Value = value;
        Kind = kind;
        Form = form;
        SettingName = settingName;
        ZeroIsDefault = zeroIsDefault;
    }

    public IOperation Value { get; }

    public SasSettingKind Kind { get; }

    public SasValueForm Form { get; }

    /// <summary>Names the setting in the message, e.g. <c>ClientOptions.SasTokenTimeToLive</c>.</summary>
    public string SettingName { get; }

    /// <summary>Zero means "the SDK default" (everywhere but <c>SharedAccessSignatureBuilder.TimeToLive</c>).</summary>
    public bool ZeroIsDefault { get; }

    public static bool TryGetFromAssignment(ISimpleAssignmentOperation assignment, KnownSymbols symbols, out SasLifetimeSite site)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property: var property })
        {
            if (property.IsMember(symbols.ClientOptions, "SasTokenTimeToLive"))
            {
                site = new SasLifetimeSite(assignment.Value, SasSettingKind.TimeToLive, SasValueForm.TimeSpan, "ClientOptions.SasTokenTimeToLive", zeroIsDefault: true);
                return true;
            }

            if (property.IsMember(symbols.ClientOptions, "SasTokenRenewalBuffer"))
            {
                site = new SasLifetimeSite(assignment.Value, SasSettingKind.RenewalBuffer, SasValueForm.Percent, "ClientOptions.SasTokenRenewalBuffer", zeroIsDefault: true);
                return true;
            }

            if (property.IsMember(symbols.SharedAccessSignatureBuilder, "TimeToLive"))
            {
                // The builder's default is 60 min, set by its constructor: a zero here is a token that is born expired.
                site = new SasLifetimeSite(assignment.Value, SasSettingKind.TimeToLive, SasValueForm.TimeSpan, "SharedAccessSignatureBuilder.TimeToLive", zeroIsDefault: false);
                return true;
            }
        }

        site = default;
        return false;
    }

    /// <summary>The TTL and buffer arguments of an SDK token-refresh constructor (<c>new</c> or <c>base(…)</c>).</summary>
    public static ImmutableArray<SasLifetimeSite> GetFromConstructorCall(IMethodSymbol constructor, ImmutableArray<IArgumentOperation> arguments, KnownSymbols symbols)
    {
        var family = symbols.AuthenticationWithTokenRefresh;
        if (family is null
            || constructor.MethodKind != MethodKind.Constructor
            || !constructor.ContainingType.InheritsFromOrEquals(family)
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingAssembly, family.ContainingAssembly))
        {
            return ImmutableArray<SasLifetimeSite>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<SasLifetimeSite>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }

            var owner = constructor.ContainingType.Name;
            if (parameter.Name == "suggestedTimeToLiveSeconds")
            {
                builder.Add(new SasLifetimeSite(argument.Value, SasSettingKind.TimeToLive, SasValueForm.Seconds, "suggestedTimeToLiveSeconds of " + owner, zeroIsDefault: true));
            }
            else if (parameter.Name == "timeBufferPercentage")
            {
                builder.Add(new SasLifetimeSite(argument.Value, SasSettingKind.RenewalBuffer, SasValueForm.Percent, "timeBufferPercentage of " + owner, zeroIsDefault: true));
            }
        }

        return builder.ToImmutable();
    }

    public ImmutableDictionary<string, string?> FixProperties(int replacement)
        => ImmutableDictionary<string, string?>.Empty
            .Add(ReplacementKey, replacement.ToString(CultureInfo.InvariantCulture))
            .Add(FormKey, Form.ToString());
}
