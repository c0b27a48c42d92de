namespace IotHubGuard.Analyzers;

/// <summary>Where AZIOT101 was reported (the code fix works differently for each).</summary>
internal enum FixedSasTokenSite
{
    /// <summary><c>new DeviceAuthenticationWithToken(…)</c> / <c>new ModuleAuthenticationWithToken(…)</c>.</summary>
    AuthenticationCreation,

    /// <summary><c>AuthenticationMethodFactory.CreateAuthenticationWithToken(…)</c>.</summary>
    FactoryCall,

    /// <summary><c>CreateFromConnectionString</c> with a <c>SharedAccessSignature=</c> connection string.</summary>
    ConnectionString,
}
