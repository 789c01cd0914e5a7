namespace GovPulse.Grains;

/// <summary>
/// Called by a unit grain after each step of <c>Apply</c>: the seam through which tests make a step
/// fail (a real failure at that point, not a mock), to prove a failed step leaves no gap. The node
/// registers <see cref="None"/>.
/// </summary>
public class UnitApplyProbe
{
    public static UnitApplyProbe None { get; } = new();

    /// <summary>Reached after <paramref name="applyStep"/> for <paramref name="unitCode"/>; throwing here fails the step.</summary>
    public virtual void Reached(UnitApplyStep applyStep, string unitCode)
    {
    }
}
