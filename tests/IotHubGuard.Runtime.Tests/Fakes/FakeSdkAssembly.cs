using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace IotHubGuard.Runtime.Tests.Fakes;

/// <summary>
/// Dynamic assemblies named Microsoft.Azure.Devices.Client with a chosen AssemblyVersion and
/// AssemblyInformationalVersion, the two things AZIOT401/402 read. Cached: one per version pair.
/// </summary>
internal static class FakeSdkAssembly
{
    private static readonly ConcurrentDictionary<(string, string?), Assembly> Cache = new();

    public static Assembly Create(string assemblyVersion, string? informationalVersion = null) =>
        Cache.GetOrAdd((assemblyVersion, informationalVersion), key =>
        {
            var name = new AssemblyName("Microsoft.Azure.Devices.Client") { Version = Version.Parse(key.Item1) };
            AssemblyBuilder builder = AssemblyBuilder.DefineDynamicAssembly(name, AssemblyBuilderAccess.Run);
            if (key.Item2 != null)
            {
                ConstructorInfo ctor = typeof(AssemblyInformationalVersionAttribute).GetConstructor(new[] { typeof(string) })!;
                builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { key.Item2 }));
            }

            builder.DefineDynamicModule("Microsoft.Azure.Devices.Client");
            return builder;
        });
}
