using System.Security.Cryptography;
using GovPulse.Security.Users;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Identity;

namespace GovPulse.Security;

/// <summary>
/// Passwords of people: the policy a new password must meet, and hashing with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, a random salt per password, 100,000
/// iterations in its current format). Only the hash is stored; a password is never logged or returned.
/// </summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    private static readonly PasswordHasher<StoredUser> Hasher = new();

    // Checked when the username is unknown, so an unknown username takes as long to refuse as a wrong password.
    private static readonly string Decoy = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>
    /// Whether <paramref name="password"/> is <paramref name="user"/>'s (against a decoy when the user is
    /// null, always false then); <paramref name="rehash"/> when the stored hash is of an older format.
    /// </summary>
    public static bool Verify(StoredUser? user, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? Decoy, password);
        rehash = user is not null && result == PasswordVerificationResult.SuccessRehashNeeded;
        return user is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// What is wrong with a new password, as a sentence; null when it is acceptable. Beyond its length:
    /// not one of the most common passwords (<see cref="CommonPasswords"/>), and neither the username nor
    /// the display name inside it (compared without case, accents, spaces or punctuation).
    /// </summary>
    public static string? ProblemWith(string? password, string? username, string? displayName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return $"password is missing; choose one of at least {MinLength} characters (a few words make a password that is long and easy to remember)";
        }

        if (password.Length < MinLength)
        {
            return $"password is {password.Length} characters long; at least {MinLength} are needed (a few words make a password that is long and easy to remember)";
        }

        if (password.Length > MaxLength)
        {
            return $"password is {password.Length} characters long; at most {MaxLength} are allowed";
        }

        if (string.IsNullOrWhiteSpace(password) || password.Distinct().Count() == 1)
        {
            return "password is one character repeated; choose one that is hard to guess";
        }

        var compact = CommonPasswords.Compact(CommonPasswords.Fold(password));
        if (!string.IsNullOrEmpty(username) && (password.Contains(username, StringComparison.OrdinalIgnoreCase) || Contains(compact, username)))
        {
            return "password contains the username; choose one that does not";
        }

        if (!string.IsNullOrWhiteSpace(displayName) && Contains(compact, displayName))
        {
            return "password contains the person's display name; choose one that does not";
        }

        if (CommonPasswords.IsCommon(password))
        {
            return "password is too common: it is one of the 10,000 most used passwords, or one of them with digits, symbols or look-alike " +
                "characters added (such as password1234 or Matkhau@2026); choose one that is hard to guess (a few unrelated words make a password " +
                "that is long and easy to remember)";
        }

        return null;
    }

    /// <summary>Whether a name (at least 3 letters or digits once compacted) is inside a compacted password.</summary>
    private static bool Contains(string compactPassword, string name)
    {
        var compactName = CommonPasswords.Compact(CommonPasswords.Fold(name));
        return compactName.Length >= 3 && compactPassword.Contains(compactName, StringComparison.Ordinal);
    }

    /// <summary>A random password of 20 characters (about 115 bits), without look-alike characters, for demo users.</summary>
    public static string Random()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
