namespace Bookish.Toolchain;

/// <summary>
/// One-time set-up that packages otherwise run lazily, on their first use in the document, with primitives the
/// lockdown (<see cref="TexLockdown"/>) then forbids. It is placed right after <c>\begin{document}</c>, before the
/// lockdown, so the document never needs those primitives.
/// </summary>
/// <remarks>
/// xspace (loaded by algorithm2e, whose keywords such as <c>\KwTo</c> end in <c>\xspace</c>) re-reads its list of
/// exceptions with <c>\everyeof{}</c> and <c>\scantokens</c> each time <c>\xspace</c> looks at a token that is not a
/// letter, to give the list the catcodes in force at that time. Here it is read once, after every package and
/// <c>\AtBeginDocument</c> hook, and the re-reading is then switched off (what xspace itself does on engines without
/// <c>\scantokens</c>): the document's <c>\xspace</c> works without either primitive. The only thing lost is the
/// re-catcoding of exceptions a document adds later under other catcodes. The lockdown is not weakened:
/// <c>\everyeof</c> and <c>\scantokens</c> stay forbidden to the document, and the one re-reading here sees only what
/// the packages defined (no document code has run yet). Nothing happens when xspace is not loaded.
/// </remarks>
internal static class TexPackageSetup
{
    public const string BeforeLockdown =
        "{\\catcode`\\@=11 \\gdef\\bkxspaceready{\\ifdefined\\@xspace@eTeX@setup\\@xspace@eTeX@setup" +
        "\\global\\let\\@xspace@eTeX@setup\\relax\\fi}}\\bkxspaceready\n";
}
