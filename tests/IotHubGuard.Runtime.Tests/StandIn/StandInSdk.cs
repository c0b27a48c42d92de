// Real SDK stand-in objects, made by reflection from the Microsoft.Azure.Devices.Client surface assembly that
// IotHubGuard.Testing.SdkSurface compiles at a chosen version. The test project has no compile-time reference to the
// surface (exactly like IotHubGuard.Runtime), so every type and member is reached by the SDK's own names.
using System;
using System.Linq;
using System.Reflection;
using IotHubGuard.Testing;

namespace IotHubGuard.Runtime.Tests.StandIn;

internal sealed class StandInSdk
{
    public const string Client = "Microsoft.Azure.Devices.Client.";
    public const string Mqtt = "Microsoft.Azure.Devices.Client.Transport.Mqtt.";

    private StandInSdk(Assembly assembly)
    {
        Assembly = assembly;
    }

    /// <summary>The surface as the latest 1.x GA (1.42.3): no AZIOT401/402 of its own.</summary>
    public static StandInSdk Current => Load(SdkSurface.DefaultAssemblyVersion);

    public Assembly Assembly { get; }

    public static StandInSdk Load(string assemblyVersion, string? informationalVersion = null) =>
        new StandInSdk(SdkSurface.Load(assemblyVersion, informationalVersion));

    public Type Type(string fullName) =>
        Assembly.GetType(fullName, throwOnError: true, ignoreCase: false)!;

    /// <summary>new T(args) through the public constructor; the SDK's own exception is rethrown unwrapped.</summary>
    public object New(string fullName, params object?[] args)
    {
        try
        {
            return Activator.CreateInstance(Type(fullName), args)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public object Enum(string fullName, string member) => System.Enum.Parse(Type(fullName), member);

    public object TransportType(string member) => Enum(Client + "TransportType", member);

    /// <summary>An <c>ITransportSettings[]</c> of the SDK (what DeviceClient.Create takes), not an object[].</summary>
    public Array TransportSettingsArray(params object[] settings)
    {
        Array array = Array.CreateInstance(Type(Client + "ITransportSettings"), settings.Length);
        for (int i = 0; i < settings.Length; i++)
        {
            array.SetValue(settings[i], i);
        }

        return array;
    }

    /// <summary>Calls a public static method of the SDK, picked by name and argument count.</summary>
    public object? CallStatic(string fullName, string method, params object?[] args)
    {
        MethodInfo target = Type(fullName).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == method
                && m.GetParameters().Length == args.Length
                && m.GetParameters().Zip(args, (p, a) => a == null ? !p.ParameterType.IsValueType : p.ParameterType.IsInstanceOfType(a)).All(ok => ok));
        try
        {
            return target.Invoke(null, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public static T Set<T>(T target, string property, object? value)
        where T : notnull
    {
        PropertyInfo info = target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException(target.GetType().FullName, property);
        info.SetValue(target, value);
        return target;
    }

    public static object? Get(object target, string property) =>
        (target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException(target.GetType().FullName, property)).GetValue(target);
}
