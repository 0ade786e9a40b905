namespace CentresConnectes.ReferenceData.Domain;

/// <summary>
/// A value kept in the order its list shows (1, 2, 3…). Implemented explicitly: only this module's
/// services renumber values, other code reads <c>Order</c> only.
/// </summary>
internal interface IOrderedValue
{
    int Order { get; set; }
}

/// <summary>A structure's age bracket or a platform default one: same bounds, same rules.</summary>
internal interface IAgeRange : IOrderedValue
{
    Guid Id { get; }
    string Label { get; }
    int MinAge { get; }
    int MaxAge { get; }
}
