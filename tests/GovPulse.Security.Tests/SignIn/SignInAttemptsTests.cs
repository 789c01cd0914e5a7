using GovPulse.Security.SignIn;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Security.Tests.SignIn;

/// <summary>The lockout rule: per (username, address), progressive, and a username-wide slowdown that never locks.</summary>
public sealed class SignInAttemptsTests
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly SignInAttempts _attempts = new(new AuthOptions());

    [Fact]
    public void Two_wrong_passwords_cost_nothing_and_the_third_makes_the_next_attempt_wait_2_seconds()
    {
        var first = _attempts.Failed(Attacker, _time.GetUtcNow());
        var second = _attempts.Failed(Attacker, _time.GetUtcNow());
        var afterTwo = _attempts.Check(Attacker, _time.GetUtcNow());
        var third = _attempts.Failed(Attacker, _time.GetUtcNow());
        var rightAway = _attempts.Check(Attacker, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(2));
        var twoSecondsLater = _attempts.Check(Attacker, _time.GetUtcNow());

        first.Should().Be(SignInVerdict.Open);
        second.Should().Be(SignInVerdict.Open);
        afterTwo.Should().Be(SignInVerdict.Open);
        third.Should().Be(SignInVerdict.WaitUntil(_time.GetUtcNow()), "the wait ends 2 s after the third mistake");
        rightAway.Kind.Should().Be(SignInVerdictKind.Wait);
        twoSecondsLater.Should().Be(SignInVerdict.Open);
    }

    [Fact]
    public void The_wait_doubles_and_the_fifth_wrong_password_locks_that_address_for_15_minutes()
    {
        var waits = new List<TimeSpan>();
        SignInVerdict verdict = SignInVerdict.Open;
        for (var mistake = 1; mistake <= 5; mistake++)
        {
            var now = _time.GetUtcNow();
            verdict = _attempts.Failed(Attacker, now);
            if (verdict.Kind == SignInVerdictKind.Wait)
            {
                waits.Add(verdict.Until!.Value - now);
                _time.Advance(verdict.Until.Value - now);
            }
        }

        waits.Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        verdict.Should().Be(SignInVerdict.LockedUntil(_time.GetUtcNow().AddMinutes(15)));
        _attempts.Check(Attacker, _time.GetUtcNow().AddMinutes(14)).Kind.Should().Be(SignInVerdictKind.Locked);
        _attempts.Check(Attacker, _time.GetUtcNow().AddMinutes(15)).Should().Be(SignInVerdict.Open, "the lock ends, and its mistakes with it");
    }

    [Fact]
    public void An_address_that_locked_itself_out_does_not_lock_the_same_username_from_another_address()
    {
        LockOut(Attacker);

        _attempts.Check(Attacker, _time.GetUtcNow()).Kind.Should().Be(SignInVerdictKind.Locked);
        _attempts.Check(Owner, _time.GetUtcNow()).Should().Be(SignInVerdict.Open);
    }

    [Fact]
    public void A_right_password_starts_that_addresses_count_again()
    {
        _attempts.Failed(Owner, _time.GetUtcNow());
        _attempts.Failed(Owner, _time.GetUtcNow());
        _attempts.Succeeded(Owner);
        var afterTwoMore = new[] { _attempts.Failed(Owner, _time.GetUtcNow()), _attempts.Failed(Owner, _time.GetUtcNow()) };

        afterTwoMore.Should().AllBeEquivalentTo(SignInVerdict.Open, "two mistakes after a success are two, not four");
    }

    [Fact]
    public void Mistakes_older_than_the_lockout_duration_are_forgotten()
    {
        _attempts.Failed(Attacker, _time.GetUtcNow());
        _attempts.Failed(Attacker, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(15));

        _attempts.Failed(Attacker, _time.GetUtcNow()).Should().Be(SignInVerdict.Open, "this is the first mistake of the last 15 minutes");
        _attempts.AddressCount.Should().Be(1);
    }

    [Fact]
    public void Many_addresses_guessing_one_username_are_slowed_to_a_minute_each_and_a_clean_address_is_never_held_back()
    {
        var addresses = Enumerable.Range(1, 20).Select(i => $"192.0.2.{i}").ToList();
        var verdicts = addresses.Select(a => _attempts.Failed(a, _time.GetUtcNow())).ToList();
        var now = _time.GetUtcNow();

        verdicts.Take(19).Should().AllBeEquivalentTo(SignInVerdict.Open, "one mistake from each of 19 addresses is below the username-wide threshold");
        verdicts[19].Should().Be(SignInVerdict.WaitUntil(now.AddMinutes(1)));
        addresses.Select(a => _attempts.Check(a, now).Kind).Should().AllBeEquivalentTo(SignInVerdictKind.Wait);
        _attempts.Check(Owner, now).Should().Be(SignInVerdict.Open, "the owner's address has made no mistake");
        _attempts.Check(addresses[0], now.AddMinutes(1)).Should().Be(SignInVerdict.Open, "it slows, it never locks");
    }

    [Fact]
    public void An_admin_reset_ends_every_lock()
    {
        LockOut(Attacker);

        _attempts.Reset();

        _attempts.Check(Attacker, _time.GetUtcNow()).Should().Be(SignInVerdict.Open);
        _attempts.AddressCount.Should().Be(0);
    }

    [Fact]
    public void At_most_a_thousand_addresses_are_remembered_per_username_the_oldest_mistake_forgotten_first()
    {
        for (var i = 0; i < SignInAttempts.MaxAddresses + 50; i++)
        {
            _attempts.Failed($"10.0.{i / 256}.{i % 256}", _time.GetUtcNow());
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        _attempts.AddressCount.Should().Be(SignInAttempts.MaxAddresses);
        _attempts.Check("10.0.0.0", _time.GetUtcNow()).Should().Be(SignInVerdict.Open, "the first address was forgotten to make room");
        _attempts.Check($"10.0.{(SignInAttempts.MaxAddresses + 49) / 256}.{(SignInAttempts.MaxAddresses + 49) % 256}", _time.GetUtcNow()).Kind
            .Should().Be(SignInVerdictKind.Wait, "the last one is remembered (and slowed: the username has had far more than 20 mistakes)");
    }

    private void LockOut(string address)
    {
        for (var mistake = 1; mistake <= 5; mistake++)
        {
            var verdict = _attempts.Failed(address, _time.GetUtcNow());
            if (verdict is { Kind: SignInVerdictKind.Wait, Until: { } until })
            {
                _time.Advance(until - _time.GetUtcNow());
            }
        }
    }
}
