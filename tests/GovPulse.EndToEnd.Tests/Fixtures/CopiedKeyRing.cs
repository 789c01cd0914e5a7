using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A key ring made from key ring XML read out of a node's database, in memory: what someone who
/// copied the <c>data_protection_keys</c> table would build. Keys the framework makes are kept here only.
/// </summary>
public sealed class CopiedKeyRing(IEnumerable<XElement> stored) : IXmlRepository
{
    private readonly List<XElement> _elements = [.. stored.Select(e => new XElement(e))];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
        {
            _elements.Add(new XElement(element));
        }
    }
}
