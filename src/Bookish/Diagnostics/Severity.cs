namespace Bookish.Diagnostics;

public enum Severity { Info, Warning, Error }
