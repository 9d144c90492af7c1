namespace Bookish.IntegrationTests.Python;

/// <summary>One small article about a bean sprout, written once in each syntax: the same cells, the same failures.</summary>
internal static class PythonArticles
{
    public const string Data = """
        week,height_cm,leaves
        1,2.5,2
        2,4.1,3
        3,6.8,5
        4,9.0,6
        5,12.4,8

        """;

    /// <summary>Markdown with Quarto-style cells. The division by zero is on line 52, the endless loop's cell starts on line 55.</summary>
    public const string Markdown = """
        ---
        title: Bean sprouts, measured
        execute: true
        ---

        # Reading the measurements

        We logged one sprout’s height every week.

        ```{python}
        import pandas as pd
        beans = pd.read_csv("growth.csv")
        print(f"{len(beans)} weeks of data, tallest {beans.height_cm.max()} cm")
        ```

        The table below is the data frame itself:

        ```{python}
        #| echo: false
        beans.set_index("week")
        ```

        Average weekly gain: `{python} beans.height_cm.diff().mean()` cm.

        # Pictures

        ```{python}
        #| label: fig-height
        #| fig-cap: Height of the sprout by week
        #| fig-width: 5
        #| fig-height: 3
        import matplotlib.pyplot as plt
        plt.plot(beans.week, beans.height_cm, marker="o")
        plt.xlabel("week")
        plt.ylabel("height (cm)")
        plt.show()
        ```

        ```{python}
        #| label: fig-leaves
        #| fig-cap: Leaves per week
        #| column: margin
        plt.bar(beans.week, beans.leaves)
        plt.show()
        ```

        # Things that go wrong

        ```{python}
        ratios = [h / l for h, l in zip(beans.height_cm, beans.leaves)]
        zero = 0
        ratios.append(1 / zero)
        ```

        ```{python}
        while True:
            pass
        ```

        The end: the sprout kept growing.

        """;

    public const string LegacyRoot = """
        <article>

        <include file=sprouts.xml>

        """;

    /// <summary>The legacy chapter. The division by zero is on line 30, the endless loop's cell starts on line 33.</summary>
    public const string LegacyChapter = """
        <chapter label="sprouts" title="Bean sprouts, measured">

        <section label="data" title="Reading the measurements">

        We logged one sprout's height every week.

        <pyeval label=beans output=beans>
        import pandas as pd
        beans = pd.read_csv("growth.csv")
        print(len(beans), "weeks of data")
        </pyeval>

        Average weekly gain: <py>beans.height_cm.diff().mean()</py> cm.

        <section label="pics" title="Pictures">

        <pyfig label=beans caption="Height of the sprout by week">
        import matplotlib.pyplot as plt
        plt.plot(beans.week, beans.height_cm, marker="o")
        </pyfig>

        <pyfig label=beans side caption="Leaves per week" width="40%">
        plt.bar(beans.week, beans.leaves)
        </pyfig>

        <section label="wrong" title="Things that go wrong">

        <pyeval label=broken>
        zero = 0
        x = 1 / zero
        </pyeval>

        <pyeval label=loop hide>
        while True:
            pass
        </pyeval>

        The end: the sprout kept growing.

        """;

    /// <summary>Writes the article in one syntax with its data file into a new folder; returns the input to build.</summary>
    public static string Write(string root, bool markdown)
    {
        var folder = Path.Combine(root, markdown ? "md" : "xml");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "growth.csv"), Data);
        if (markdown)
        {
            File.WriteAllText(Path.Combine(folder, "index.md"), Markdown);
            return Path.Combine(folder, "index.md");
        }
        File.WriteAllText(Path.Combine(folder, "article.xml"), LegacyRoot);
        File.WriteAllText(Path.Combine(folder, "sprouts.xml"), LegacyChapter);
        return Path.Combine(folder, "article.xml");
    }
}
