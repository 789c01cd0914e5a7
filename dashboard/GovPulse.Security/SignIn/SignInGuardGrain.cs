using Microsoft.Extensions.Options;

namespace GovPulse.Security.SignIn;

/// <inheritdoc cref="ISignInGuardGrain"/>
public sealed class SignInGuardGrain(IOptions<AuthOptions> options, TimeProvider time) : Grain, ISignInGuardGrain
{
    private readonly SignInAttempts _attempts = new(options.Value);

    public Task<SignInVerdict> Check(string address) => Task.FromResult(_attempts.Check(address, time.GetUtcNow()));

    public Task<SignInVerdict> Failed(string address)
    {
        var verdict = _attempts.Failed(address, time.GetUtcNow());
        // Stay active while mistakes are remembered, or they would be forgotten with the activation.
        DelayDeactivation(options.Value.LockoutDuration);
        return Task.FromResult(verdict);
    }

    public Task Succeeded(string address)
    {
        _attempts.Succeeded(address);
        return Task.CompletedTask;
    }

    public Task Reset()
    {
        _attempts.Reset();
        return Task.CompletedTask;
    }
}
