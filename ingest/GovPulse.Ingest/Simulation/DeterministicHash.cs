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
}
