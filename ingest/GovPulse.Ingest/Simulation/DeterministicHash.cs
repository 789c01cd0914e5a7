namespace GovPulse.Ingest.Simulation;

/// <summary>string.GetHashCode is randomised per process; the simulator needs the same number every run.</summary>
internal static class DeterministicHash
{
    public static int GetDeterministicHash(this string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    /// <summary>Mixes two numbers into a well-spread 64-bit one (SplitMix64's finaliser): a random stream's key.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        unchecked
        {
            var z = a + (b * 0x9E3779B97F4A7C15UL) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform number in [0, 1) from a mixed key.</summary>
    public static double Uniform(ulong key) => (key >> 11) * (1.0 / (1UL << 53));
}
