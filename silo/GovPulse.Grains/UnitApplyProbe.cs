namespace GovPulse.Grains;

/// <summary>
/// Called by a unit grain after each step of <c>Apply</c>, and before its ledger applies each event
/// (live and on rebuild): the seam through which tests make a step fail, or an event poison, at that
/// very point (a real failure, not a mock), to prove a failure leaves no gap. The node registers <see cref="None"/>.
/// </summary>
public class UnitApplyProbe
{
    public static UnitApplyProbe None { get; } = new();

    /// <summary>Reached after <paramref name="applyStep"/> for <paramref name="unitCode"/>; throwing here fails the step.</summary>
    public virtual void Reached(UnitApplyStep applyStep, string unitCode)
    {
    }

    /// <summary>Called just before the ledger applies <paramref name="unitEvent"/>; throwing here is the ledger failing on it.</summary>
    public virtual void Applying(Indicators.Events.UnitEvent unitEvent)
    {
    }
}
