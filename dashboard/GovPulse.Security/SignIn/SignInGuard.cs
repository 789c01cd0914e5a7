using System.Security.Cryptography;
using System.Text;

namespace GovPulse.Security.SignIn;

/// <summary>The guard grain of a username.</summary>
public static class SignInGuard
{
    public static string KeyOf(string username) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username.ToLowerInvariant())));

    public static ISignInGuardGrain Of(IGrainFactory grains, string username)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ISignInGuardGrain>(KeyOf(username));
    }
}
