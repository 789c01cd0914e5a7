namespace GovPulse.Security.Access;

/// <summary>How far a caller reads one kind of content (<see cref="ReadMatrix"/>).</summary>
public enum Reach
{
    /// <summary>Nothing at all.</summary>
    Nothing,

    /// <summary>Their own units (a department head's unit, a scoped key's units) and the city total; not the lists that span every unit.</summary>
    OwnUnits,

    /// <summary>Every unit, and the lists that span them (rankings, movers, the hourly summary).</summary>
    CityWide,
}
