namespace IotHubGuard.Analyzers;

/// <summary>Where AZIOT101 was reported; the code fix only handles the first two.</summary>
internal enum FixedSasTokenSite
{
    /// <summary><c>new DeviceAuthenticationWithToken(…)</c> / <c>new ModuleAuthenticationWithToken(…)</c>.</summary>
    AuthenticationCreation,

    /// <summary><c>AuthenticationMethodFactory.CreateAuthenticationWithToken(…)</c>.</summary>
    FactoryCall,

    /// <summary><c>CreateFromConnectionString</c> with a <c>SharedAccessSignature=</c> connection string.</summary>
    ConnectionString,
}
