using Microsoft.Extensions.Options;

namespace GovPulse.Security.SignIn;

/// <inheritdoc cref="ISignInGuardGrain"/>
public sealed class SignInGuardGrain(IOptions<AuthOptions> options, TimeProvider time) : Grain, ISignInGuardGrain
{
    private int _failures;
    private DateTimeOffset _lastFailure;
    private DateTimeOffset? _lockedUntil;

    public Task<DateTimeOffset?> LockedUntil() => Task.FromResult(CurrentLock(time.GetUtcNow()));

    public Task<DateTimeOffset?> Failed()
    {
        var now = time.GetUtcNow();
        if (CurrentLock(now) is { } locked)
        {
            return Task.FromResult<DateTimeOffset?>(locked);
        }

        var settings = options.Value;
        if (now - _lastFailure > settings.LockoutDuration)
        {
            _failures = 0; // an old mistake does not count towards a lock today
        }

        _failures++;
        _lastFailure = now;
        if (_failures < settings.MaxFailedSignIns)
        {
            return Task.FromResult<DateTimeOffset?>(null);
        }

        _failures = 0;
        _lockedUntil = now + settings.LockoutDuration;
        // Stay active while locked, or the lock would be forgotten with the activation.
        DelayDeactivation(settings.LockoutDuration);
        return Task.FromResult(_lockedUntil);
    }

    public Task Succeeded()
    {
        _failures = 0;
        return Task.CompletedTask;
    }

    public Task Reset()
    {
        _failures = 0;
        _lockedUntil = null;
        return Task.CompletedTask;
    }

    private DateTimeOffset? CurrentLock(DateTimeOffset now)
    {
        if (_lockedUntil is { } until && until > now)
        {
            return until;
        }

        _lockedUntil = null;
        return null;
    }
}
