namespace Bookish.Publishing;

/// <summary>A stage of a build that has just started, in words an author reads ("typesetting 414 equations").</summary>
public sealed record BuildProgress(string Stage, string Message);
