namespace GovPulse.Security.SignIn;

/// <summary>
/// The lockout rule of one username, as pure logic (the <see cref="SignInGuardGrain"/> holds one and
/// gives it the time): wrong passwords are counted per client address, so guessing from one address
/// locks that address out and nobody else.
/// </summary>
/// <remarks>
/// Per (username, address): after <see cref="AuthOptions.SignInDelayAfter"/> wrong passwords each
/// further attempt waits 2, 4, 8 … seconds (at most <see cref="AuthOptions.MaxSignInDelay"/>) after the
/// last one; <see cref="AuthOptions.MaxFailedSignIns"/> lock the pair for <see cref="AuthOptions.LockoutDuration"/>.
/// Per username, across addresses: past <see cref="AuthOptions.UsernameSlowdownAfter"/> wrong passwords
/// within a lockout duration, every address that has itself failed for the username waits the longest
/// delay between attempts. That slows guessing from many addresses and never locks: an address with no
/// wrong password for the username (the real person at their desk) is never held back. Mistakes older
/// than a lockout duration are forgotten. At most <see cref="MaxAddresses"/> addresses are remembered
/// per username; past that the one whose last mistake is oldest is forgotten first.
/// </remarks>
public sealed class SignInAttempts(AuthOptions settings)
{
    public const int MaxAddresses = 1_000;

    private readonly Dictionary<string, AddressRecord> _addresses = new(StringComparer.Ordinal);
    private int _usernameFailures;
    private DateTimeOffset _usernameLastFailure;

    /// <summary>Addresses remembered now (bounded by <see cref="MaxAddresses"/>).</summary>
    public int AddressCount => _addresses.Count;

    /// <summary>Whether an attempt from <paramref name="address"/> may check its password at <paramref name="now"/>.</summary>
    public SignInVerdict Check(string address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ForgetOld(now);
        if (!_addresses.TryGetValue(address, out var record))
        {
            return SignInVerdict.Open;
        }

        if (record.LockedUntil is { } locked)
        {
            return SignInVerdict.LockedUntil(locked);
        }

        return NextAttemptAt(record) is { } next && next > now ? SignInVerdict.WaitUntil(next) : SignInVerdict.Open;
    }

    /// <summary>Counts a wrong password from <paramref name="address"/>; says what the next attempt from it may do.</summary>
    public SignInVerdict Failed(string address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ForgetOld(now);
        _usernameFailures++;
        _usernameLastFailure = now;
        if (!_addresses.TryGetValue(address, out var record))
        {
            MakeRoom();
            record = new AddressRecord();
            _addresses[address] = record;
        }

        if (record.LockedUntil is { } locked)
        {
            return SignInVerdict.LockedUntil(locked);
        }

        record.Failures++;
        record.LastFailure = now;
        if (record.Failures >= settings.MaxFailedSignIns)
        {
            record.Failures = 0;
            record.LockedUntil = now + settings.LockoutDuration;
            return SignInVerdict.LockedUntil(record.LockedUntil.Value);
        }

        return NextAttemptAt(record) is { } next && next > now ? SignInVerdict.WaitUntil(next) : SignInVerdict.Open;
    }

    /// <summary>A good password from <paramref name="address"/>: its count starts again (the username-wide count does not).</summary>
    public void Succeeded(string address) => _addresses.Remove(address);

    /// <summary>Forgets every count and lock (an admin set a new password or enabled the user).</summary>
    public void Reset()
    {
        _addresses.Clear();
        _usernameFailures = 0;
    }

    private DateTimeOffset? NextAttemptAt(AddressRecord record)
    {
        if (record.Failures == 0)
        {
            return null;
        }

        var delay = TimeSpan.Zero;
        if (record.Failures >= settings.SignInDelayAfter)
        {
            // 2 s after the first delayed mistake, doubling: the exponent is capped before it can overflow.
            var exponent = Math.Min(record.Failures - settings.SignInDelayAfter + 1, 20);
            delay = TimeSpan.FromSeconds(Math.Pow(2, exponent));
        }

        if (_usernameFailures >= settings.UsernameSlowdownAfter)
        {
            delay = settings.MaxSignInDelay;
        }

        delay = delay > settings.MaxSignInDelay ? settings.MaxSignInDelay : delay;
        return delay > TimeSpan.Zero ? record.LastFailure + delay : null;
    }

    private void ForgetOld(DateTimeOffset now)
    {
        if (_usernameFailures > 0 && now - _usernameLastFailure >= settings.LockoutDuration)
        {
            _usernameFailures = 0;
        }

        List<string>? done = null;
        foreach (var (address, record) in _addresses)
        {
            if (record.LockedUntil is { } until && until <= now)
            {
                record.LockedUntil = null;
            }

            if (record.LockedUntil is null && now - record.LastFailure >= settings.LockoutDuration)
            {
                (done ??= []).Add(address);
            }
        }

        foreach (var address in done ?? [])
        {
            _addresses.Remove(address);
        }
    }

    private void MakeRoom()
    {
        if (_addresses.Count < MaxAddresses)
        {
            return;
        }

        var oldest = _addresses.MinBy(a => a.Value.LastFailure).Key;
        _addresses.Remove(oldest);
    }

    private sealed class AddressRecord
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
