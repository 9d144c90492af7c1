using System.Collections.Frozen;

namespace Bookish.Notation;

internal static partial class TexCommands
{
    /// <summary>Control words defined by LaTeX (math and the text commands usable in math), amsmath, amssymb, bm and
    /// graphicx: the packages of <c>Preamble.Base</c>. Commands of other packages (mathtools, xcolor, cancel, mathrsfs,
    /// hyperref) are undefined there, so the lint reports them before TeX fails.</summary>
    public static readonly FrozenSet<string> Known = Words(
        // Greek
        @"\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \vartheta \iota \kappa \varkappa \lambda \mu \nu
        \xi \pi \varpi \rho \varrho \sigma \varsigma \tau \upsilon \phi \varphi \chi \psi \omega \Gamma \Delta \Theta \Lambda
        \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega \varGamma \varDelta \varTheta \varLambda \varXi \varPi \varSigma \varUpsilon
        \varPhi \varPsi \varOmega \digamma \backepsilon " +
        // letters and ordinary symbols
        @"\aleph \beth \gimel \daleth \hbar \hslash \imath \jmath \ell \wp \Re \Im \partial \infty \prime \emptyset \varnothing
        \nabla \surd \top \bot \angle \measuredangle \sphericalangle \triangle \triangledown \forall \exists \nexists \neg \lnot
        \flat \natural \sharp \clubsuit \diamondsuit \heartsuit \spadesuit \backslash \Box \Diamond \complement \eth \mho
        \Finv \Game \Bbbk \circledS \blacksquare \square \blacktriangle \blacktriangledown \lozenge \blacklozenge \bigstar
        \diagup \diagdown \dots \ldots \cdots \vdots \ddots \dotsc \dotsb \dotsm \dotsi \dotso \colon \checkmark \maltese
        \textbackslash \S \P \dag \ddag \copyright \pounds \yen \circledR " +
        // binary operators
        @"\pm \mp \times \div \cdot \ast \star \circ \bullet \cap \cup \uplus \sqcap \sqcup \vee \wedge \lor \land \setminus
        \wr \diamond \bigtriangleup \bigtriangledown \triangleleft \triangleright \lhd \rhd \unlhd \unrhd \oplus \ominus
        \otimes \oslash \odot \bigcirc \dagger \ddagger \amalg \dotplus \ltimes \rtimes \leftthreetimes \rightthreetimes
        \curlyvee \curlywedge \boxplus \boxminus \boxtimes \boxdot \circleddash \circledast \circledcirc \centerdot
        \intercal \barwedge \veebar \doublebarwedge \Cap \Cup \divideontimes \smallsetminus \mod \bmod \pmod \pod " +
        // relations
        @"\leq \le \geq \ge \neq \ne \equiv \prec \succ \sim \simeq \approx \cong \subset \supset \subseteq \supseteq \sqsubset
        \sqsupset \sqsubseteq \sqsupseteq \in \ni \notin \vdash \dashv \models \mid \parallel \perp \smile \frown \asymp
        \bowtie \Join \propto \preceq \succeq \ll \gg \lll \ggg \doteq \leqq \geqq \leqslant \geqslant \eqslantless
        \eqslantgtr \lesssim \gtrsim \lessapprox \gtrapprox \approxeq \lessdot \gtrdot \lessgtr \gtrless \lesseqgtr
        \gtreqless \lesseqqgtr \gtreqqless \doteqdot \risingdotseq \fallingdotseq \backsim \backsimeq \subseteqq \supseteqq
        \Subset \Supset \preccurlyeq \succcurlyeq \curlyeqprec \curlyeqsucc \precsim \succsim \precapprox \succapprox
        \vartriangleleft \vartriangleright \trianglelefteq \trianglerighteq \vDash \Vdash \Vvdash \shortmid \shortparallel
        \bumpeq \Bumpeq \between \pitchfork \varpropto \blacktriangleleft \blacktriangleright \therefore \because \eqcirc
        \circeq \triangleq \thicksim \thickapprox \nless \ngtr \nleq \ngeq \nleqslant \ngeqslant \nleqq \ngeqq \lneq \gneq
        \lneqq \gneqq \lvertneqq \gvertneqq \lnsim \gnsim \lnapprox \gnapprox \nprec \nsucc \npreceq \nsucceq \precneqq
        \succneqq \precnsim \succnsim \precnapprox \succnapprox \nsim \ncong \nshortmid \nmid \nshortparallel \nparallel
        \nvdash \nvDash \nVdash \nVDash \ntriangleleft \ntriangleright \ntrianglelefteq \ntrianglerighteq \nsubseteq
        \nsupseteq \nsubseteqq \nsupseteqq \subsetneq \supsetneq \varsubsetneq \varsupsetneq \subsetneqq \supsetneqq
        \varsubsetneqq \varsupsetneqq \owns " +
        // arrows
        @"\leftarrow \gets \rightarrow \to \leftrightarrow \Leftarrow \Rightarrow \Leftrightarrow \mapsto \hookleftarrow
        \hookrightarrow \leftharpoonup \leftharpoondown \rightharpoonup \rightharpoondown \rightleftharpoons \leftrightharpoons
        \longleftarrow \longrightarrow \longleftrightarrow \Longleftarrow \Longrightarrow \Longleftrightarrow \longmapsto
        \uparrow \downarrow \updownarrow \Uparrow \Downarrow \Updownarrow \nearrow \searrow \swarrow \nwarrow \iff \implies
        \impliedby \leadsto \dashrightarrow \dashleftarrow \leftleftarrows \rightrightarrows \leftrightarrows
        \rightleftarrows \Lleftarrow \Rrightarrow \twoheadleftarrow \twoheadrightarrow \leftarrowtail \rightarrowtail
        \looparrowleft \looparrowright \curvearrowleft \curvearrowright \circlearrowleft \circlearrowright \Lsh \Rsh
        \upuparrows \downdownarrows \upharpoonleft \upharpoonright \downharpoonleft \downharpoonright \restriction
        \multimap \rightsquigarrow \leftrightsquigarrow \nleftarrow \nrightarrow \nLeftarrow \nRightarrow \nleftrightarrow
        \nLeftrightarrow \xleftarrow \xrightarrow " +
        // big operators and named operators
        @"\sum \prod \coprod \int \iint \iiint \iiiint \idotsint \oint \bigcap \bigcup \bigsqcup \bigvee \bigwedge \bigodot
        \bigotimes \bigoplus \biguplus \smallint \arccos \arcsin \arctan \arg \cos \cosh \cot \coth \csc \deg \det \dim \exp
        \gcd \hom \inf \injlim \ker \lg \lim \liminf \limsup \ln \log \max \min \Pr \projlim \sec \sin \sinh \sup \tan \tanh
        \varinjlim \varliminf \varlimsup \varprojlim \operatorname \operatornamewithlimits \DeclareMathOperator \limits
        \nolimits \displaylimits " +
        // delimiters and sizing
        @"\left \right \middle \big \Big \bigg \Bigg \bigl \bigr \Bigl \Bigr \biggl \biggr \Biggl \Biggr \bigm \Bigm \biggm
        \Biggm \langle \rangle \lvert \rvert \lVert \rVert \vert \Vert \lfloor \rfloor \lceil \rceil \lbrace \rbrace \lbrack
        \rbrack \ulcorner \urcorner \llcorner \lrcorner \lgroup \rgroup \lmoustache \rmoustache \arrowvert \Arrowvert
        \bracevert \backslash " +
        // accents, fonts, structures
        @"\hat \widehat \bar \overline \underline \tilde \widetilde \dot \ddot \dddot \ddddot \check \breve \acute \grave
        \mathring \vec \overrightarrow \overleftarrow \overleftrightarrow \underrightarrow \underleftarrow
        \underleftrightarrow \overbrace \underbrace \overset \underset \stackrel \sideset \frac \dfrac \tfrac \cfrac \genfrac
        \binom \dbinom \tbinom \sqrt \root \of \over \atop \choose \above \brace \brack \substack \boxed \mathbf \mathrm
        \mathsf \mathtt \mathit \mathcal \mathbb \mathfrak \mathnormal \boldsymbol \bm \pmb \mathversion
        \hm \text \textrm \textbf \textit \textsf \texttt \textnormal \textup \textsl \textsc \emph \mbox \hbox \vbox \fbox
        \makebox \framebox \raisebox \rule \rm \bf \it \sf \tt \cal \mit \sc \sl \em \boldmath \unboldmath \displaystyle
        \textstyle \scriptstyle \scriptscriptstyle \mathchoice \mathop \mathbin \mathrel \mathord \mathopen \mathclose
        \mathpunct \mathinner \mathstrut \strut \phantom \hphantom \vphantom \smash \llap \rlap \tiny \scriptsize
        \footnotesize \small \normalsize \large \Large \LARGE \huge \Huge \not \intertext \tag \notag \nonumber
        \label \ref \eqref \pageref \cite \begin \end \includegraphics \scalebox \resizebox \rotatebox
        \numberwithin \allowbreak \nobreak \displaybreak \newline \linebreak \pagebreak \nopagebreak \relax \ensuremath
        \newcommand \renewcommand \providecommand \def \gdef \edef \let \DeclareRobustCommand \newenvironment \hline \cline
        \multicolumn \arraystretch \arraycolsep \tabcolsep \centering \raggedright \raggedleft \noindent \par
        \vspace \hspace \hfill \vfill \hfil \vfil \hskip \vskip \kern \mkern \mskip \quad \qquad \enspace \thinspace
        \medspace \thickspace \negthinspace \negmedspace \negthickspace \space \nobreakspace \enskip \smallskip \medskip
        \bigskip \ldotp \cdotp \colon \vcenter \underline \overline \limits \the \value \setlength \addtolength \baselineskip
        \jot \textwidth \linewidth \columnwidth \fboxsep \fboxrule \setcounter \stepcounter \arabic \roman \Roman \alph
        \Alph \fnsymbol \footnote \today \LaTeX \TeX \textendash \textemdash \textquoteleft \textquoteright \ldots
        \textbullet \textdegree \textasciitilde \textasciicircum \textunderscore \textbar \textless \textgreater
        \operatorfont \nolinebreak \mspace \middle \cr \crcr \hfilneg \noalign \omit \span \multispan \tabularnewline
        \arrayrulewidth \doublerulesep \ifmmode \else \fi \iftrue \iffalse \expandafter \csname \endcsname \string
        \protect \leavevmode \hrule \vrule \hrulefill \dotfill \null \empty \mathsurround \nulldelimiterspace
        \scriptspace \delimitershortfall \delimiterfactor \thinmuskip \medmuskip \thickmuskip \abovedisplayskip
        \belowdisplayskip \dfrac \varDelta \implies \impliedby \bmod \nmid \mathellipsis \ddagger \varkappa \textellipsis \ae \AE \o \O \ss \i \j \l \L \oe \OE \aa \AA
        \mathdollar \mathsterling \mathparagraph \mathsection \dag \ddag \checkmark \bigtriangleup \unitlength \line
        \vector \put \multiput \circle \oval \qbezier")
        .ToFrozenSet(StringComparer.Ordinal);
}
