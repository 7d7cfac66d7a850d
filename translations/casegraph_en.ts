<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Casegraph::Cli::CliApplication</name>
    <message numerus="yes">
        <source>%n source(s) checked</source>
        <translation>
            <numerusform>%n source checked</numerusform>
            <numerusform>%n sources checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries</source>
        <translation>
            <numerusform>%n audit entry</numerusform>
            <numerusform>%n audit entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>%n problem found</numerusform>
            <numerusform>%n problems found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>SHA-256 %1, %n byte(s), fetched %2 UTC</source>
        <translation>
            <numerusform>SHA-256 %1, %n byte, fetched %2 UTC</numerusform>
            <numerusform>SHA-256 %1, %n bytes, fetched %2 UTC</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n entities)</source>
        <translation>
            <numerusform>%1 (%n entity)</numerusform>
            <numerusform>%1 (%n entities)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n earlier version(s)</source>
        <translation>
            <numerusform>  %n earlier version</numerusform>
            <numerusform>  %n earlier versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n unreadable record(s).</source>
        <translation>
            <numerusform>Skipped %n unreadable record.</numerusform>
            <numerusform>Skipped %n unreadable records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First version: %n entries.</source>
        <translation>
            <numerusform>First version: %n entry.</numerusform>
            <numerusform>First version: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 against %2 (threshold %3): %n candidate(s).</source>
        <translation>
            <numerusform>%1 against %2 (threshold %3): %n candidate.</numerusform>
            <numerusform>%1 against %2 (threshold %3): %n candidates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s).</source>
        <translation>
            <numerusform>%n likely duplicate pair.</numerusform>
            <numerusform>%n likely duplicate pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Screened %n entity(s)</source>
        <translation>
            <numerusform>Screened %n entity</numerusform>
            <numerusform>Screened %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 into %2 (%3, %4): %n record(s) in %5 s, %6 entities/s</source>
        <translation>
            <numerusform>Imported %1 into %2 (%3, %4): %n record in %5 s, %6 entities/s</numerusform>
            <numerusform>Imported %1 into %2 (%3, %4): %n records in %5 s, %6 entities/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entity(s) to %1</source>
        <translation>
            <numerusform>Exported %n entity to %1</numerusform>
            <numerusform>Exported %n entities to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (on %n thing(s))</source>
        <translation>
            <numerusform>%1 (on %n thing)</numerusform>
            <numerusform>%1 (on %n things)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: version %2, %n entry(s), %3 (%4, SHA-256 %5…), loaded %6 by %7</source>
        <translation>
            <numerusform>%1: version %2, %n entry, %3 (%4, SHA-256 %5…), loaded %6 by %7</numerusform>
            <numerusform>%1: version %2, %n entries, %3 (%4, SHA-256 %5…), loaded %6 by %7</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::AnalyticsText</name>
    <message numerus="yes">
        <source>%n excerpt(s)</source>
        <translation>
            <numerusform>%n excerpt</numerusform>
            <numerusform>%n excerpts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No path from %1 to %2 within %n hop(s).</source>
        <translation>
            <numerusform>No path from %1 to %2 within %n hop.</numerusform>
            <numerusform>No path from %1 to %2 within %n hops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Simple paths of at most %n hop(s): %1</source>
        <translation>
            <numerusform>Simple paths of at most %n hop: %1</numerusform>
            <numerusform>Simple paths of at most %n hops: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1. %n hop(s), weakest hop %2 excerpt(s): </source>
        <translation>
            <numerusform>%1. %n hop, weakest hop %2 excerpt(s): </numerusform>
            <numerusform>%1. %n hops, weakest hop %2 excerpt(s): </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No supply path from %1 reaches %2 within %n hop(s).</source>
        <translation>
            <numerusform>No supply path from %1 reaches %2 within %n hop.</numerusform>
            <numerusform>No supply path from %1 reaches %2 within %n hops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1. %2 (%3), %n hop(s):</source>
        <translation>
            <numerusform>%1. %2 (%3), %n hop:</numerusform>
            <numerusform>%1. %2 (%3), %n hops:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>%n hop</numerusform>
            <numerusform>%n hops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n excerpt(s) in all</source>
        <translation>
            <numerusform>%n excerpt in all</numerusform>
            <numerusform>%n excerpts in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) from %1 to %2: %3</source>
        <translation>
            <numerusform>%n path from %1 to %2: %3</numerusform>
            <numerusform>%n paths from %1 to %2: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listed end user(s)</source>
        <translation>
            <numerusform>%n listed end user</numerusform>
            <numerusform>%n listed end users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n end user(s)</source>
        <translation>
            <numerusform>%n end user</numerusform>
            <numerusform>%n end users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::CsvMapping</name>
    <message numerus="yes">
        <source>the mapping uses column %1 but the file has %n column(s)</source>
        <translation>
            <numerusform>the mapping uses column %1 but the file has %n column</numerusform>
            <numerusform>the mapping uses column %1 but the file has %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::CustodyReport</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::ExposureReport</name>
    <message numerus="yes">
        <source>← %1 held by %2 (%3) through ownership %4, %n excerpt(s)</source>
        <translation>
            <numerusform>← %1 held by %2 (%3) through ownership %4, %n excerpt</numerusform>
            <numerusform>← %1 held by %2 (%3) through ownership %4, %n excerpts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (cut at %n line(s); the chains of stakes go on)</source>
        <translation>
            <numerusform>… (cut at %n line; the chains of stakes go on)</numerusform>
            <numerusform>… (cut at %n lines; the chains of stakes go on)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::ProgressMeter</name>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) · finishing…</source>
        <translation>
            <numerusform>%Ln record · finishing…</numerusform>
            <numerusform>%Ln records · finishing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::Support</name>
    <message numerus="yes">
        <source>no supporting passage; %n contradicting</source>
        <translation>
            <numerusform>no supporting passage; %n contradicting</numerusform>
            <numerusform>no supporting passage; %n contradicting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n source(s)</source>
        <translation>
            <numerusform>from %n source</numerusform>
            <numerusform>from %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contradicting</source>
        <translation>
            <numerusform>%n contradicting</numerusform>
            <numerusform>%n contradicting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Models::WebCapture</name>
    <message numerus="yes">
        <source>the server sent nothing for %n second(s); nothing was stored</source>
        <translation>
            <numerusform>the server sent nothing for %n second; nothing was stored</numerusform>
            <numerusform>the server sent nothing for %n seconds; nothing was stored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::AttachExcerptDialog</name>
    <message numerus="yes">
        <source>Adds to the existing claim with %n passage(s); its credibility and status below apply to the whole claim.</source>
        <translation>
            <numerusform>Adds to the existing claim with %n passage; its credibility and status below apply to the whole claim.</numerusform>
            <numerusform>Adds to the existing claim with %n passages; its credibility and status below apply to the whole claim.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ChartGroups</name>
    <message numerus="yes">
        <source>%n relationships</source>
        <translation>
            <numerusform>%n relationship</numerusform>
            <numerusform>%n relationships</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ChartMeasures</name>
    <message numerus="yes">
        <source> (estimated from %n sources)</source>
        <translation>
            <numerusform> (estimated from %n source)</numerusform>
            <numerusform> (estimated from %n sources)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>component %1 of %2, %n entities</source>
        <translation>
            <numerusform>component %1 of %2, %n entity</numerusform>
            <numerusform>component %1 of %2, %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Colour: components (%n)</source>
        <translation>
            <numerusform>Colour: components (%n)</numerusform>
            <numerusform>Colour: components (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ChartPanel</name>
    <message numerus="yes">
        <source>F&amp;ilter: only tagged (%n)</source>
        <translation>
            <numerusform>F&amp;ilter: only tagged (%n)</numerusform>
            <numerusform>F&amp;ilter: only tagged (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>F&amp;ilter: tagged hidden (%n)</source>
        <translation>
            <numerusform>F&amp;ilter: tagged hidden (%n)</numerusform>
            <numerusform>F&amp;ilter: tagged hidden (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ChartView</name>
    <message numerus="yes">
        <source>Show Path on Chart (%n entities added)</source>
        <translation>
            <numerusform>Show Path on Chart (%n entity added)</numerusform>
            <numerusform>Show Path on Chart (%n entities added)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n Entities to Chart</source>
        <translation>
            <numerusform>Add %n Entity to Chart</numerusform>
            <numerusform>Add %n Entities to Chart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Entities</source>
        <translation>
            <numerusform>Move %n Entity</numerusform>
            <numerusform>Move %n Entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ChartWorkspace</name>
    <message numerus="yes">
        <source>%1 (%n entities)</source>
        <translation>
            <numerusform>%1 (%n entity)</numerusform>
            <numerusform>%1 (%n entities)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the chart “%1”? Its %n entities stay in the case; only the chart and its layout go. This cannot be undone.</source>
        <translation>
            <numerusform>Delete the chart “%1”? Its %n entity stays in the case; only the chart and its layout go. This cannot be undone.</numerusform>
            <numerusform>Delete the chart “%1”? Its %n entities stay in the case; only the chart and its layout go. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n entities to the chart and highlighted the path; Undo takes them off.</source>
        <translation>
            <numerusform>Added %n entity to the chart and highlighted the path; Undo takes it off.</numerusform>
            <numerusform>Added %n entities to the chart and highlighted the path; Undo takes them off.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::CsvMappingWizard</name>
    <message numerus="yes">
        <source>The whole file: %n rows.</source>
        <translation>
            <numerusform>The whole file: %n row.</numerusform>
            <numerusform>The whole file: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n rows:</source>
        <translation>
            <numerusform>The first %n row:</numerusform>
            <numerusform>The first %n rows:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ The %n rows of the preview give %1 and %2.</source>
        <translation>
            <numerusform>✓ The %n row of the preview gives %1 and %2.</numerusform>
            <numerusform>✓ The %n rows of the preview give %1 and %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relationships</source>
        <translation>
            <numerusform>%n relationship</numerusform>
            <numerusform>%n relationships</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n likely duplicate pair(s).</source>
        <translation>
            <numerusform>%n likely duplicate pair.</numerusform>
            <numerusform>%n likely duplicate pairs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::EntitiesDock</name>
    <message numerus="yes">
        <source>%Ln entity(s)</source>
        <translation>
            <numerusform>%Ln entity</numerusform>
            <numerusform>%Ln entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entity(s) match</source>
        <translation>
            <numerusform>%1 of %Ln entity match</numerusform>
            <numerusform>%1 of %Ln entities match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ExportDialog</name>
    <message numerus="yes">
        <source>The &amp;whole case (%Ln entity(s))</source>
        <translation>
            <numerusform>The &amp;whole case (%Ln entity)</numerusform>
            <numerusform>The &amp;whole case (%Ln entities)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln entity(s))</source>
        <translation>
            <numerusform>%1 (%Ln entity)</numerusform>
            <numerusform>%1 (%Ln entities)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ExposureDock</name>
    <message numerus="yes">
        <source>Run at %1 over %n entities.</source>
        <translation>
            <numerusform>Run at %1 over %n entity.</numerusform>
            <numerusform>Run at %1 over %n entities.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ImportExportController</name>
    <message numerus="yes">
        <source>%n values of properties that the schema does not define were kept.</source>
        <translation>
            <numerusform>%n value of a property that the schema does not define was kept.</numerusform>
            <numerusform>%n values of properties that the schema does not define were kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n references point to entities that are not in the case.</source>
        <translation>
            <numerusform>%n reference points to an entity that is not in the case.</numerusform>
            <numerusform>%n references point to entities that are not in the case.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 imported (%2, %3): %Ln record(s) — %4 created, %5 merged, %6 unchanged, %7 rejected.</source>
        <translation>
            <numerusform>%1 imported (%2, %3): %Ln record — %4 created, %5 merged, %6 unchanged, %7 rejected.</numerusform>
            <numerusform>%1 imported (%2, %3): %Ln records — %4 created, %5 merged, %6 unchanged, %7 rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s) kept.</source>
        <translation>
            <numerusform>%Ln source kept.</numerusform>
            <numerusform>%Ln sources kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entity(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln entity to %1.</numerusform>
            <numerusform>Exported %Ln entities to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected entity(s) could not be written in this format.</source>
        <translation>
            <numerusform>%Ln selected entity could not be written in this format.</numerusform>
            <numerusform>%Ln selected entities could not be written in this format.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::IntegrityActions</name>
    <message numerus="yes">
        <source>%Ln source(s)</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln audit entry(s)</source>
        <translation>
            <numerusform>%Ln audit entry</numerusform>
            <numerusform>%Ln audit entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::LeadsDock</name>
    <message numerus="yes">
        <source>%1 open of %Ln lead(s)</source>
        <translation>
            <numerusform>%1 open of %Ln lead</numerusform>
            <numerusform>%1 open of %Ln leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ListedEntryDialog</name>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n more</numerusform>
            <numerusform>… %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case entities may be this listed party (double-click to open one). Record a decision with Analysis → Screen….</source>
        <translation>
            <numerusform>%n case entity may be this listed party (double-click to open one). Record a decision with Analysis → Screen….</numerusform>
            <numerusform>%n case entities may be this listed party (double-click to open one). Record a decision with Analysis → Screen….</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>So are the %n relationship(s) that connect it:</source>
        <translation>
            <numerusform>So are the %n relationship that connect it:</numerusform>
            <numerusform>So are the %n relationships that connect it:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entity(s)</source>
        <translation>
            <numerusform>%Ln entity</numerusform>
            <numerusform>%Ln entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s)</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::NotesDock</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::OriginalView</name>
    <message numerus="yes">
        <source>PDF, %n page(s), rendered from the preserved file.</source>
        <translation>
            <numerusform>PDF, %n page, rendered from the preserved file.</numerusform>
            <numerusform>PDF, %n pages, rendered from the preserved file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Page rendered offline: scripts removed, %n image(s) from elsewhere not loaded.</source>
        <translation>
            <numerusform>Page rendered offline: scripts removed, %n image from elsewhere not loaded.</numerusform>
            <numerusform>Page rendered offline: scripts removed, %n images from elsewhere not loaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ReferenceListsDialog</name>
    <message numerus="yes">
        <source>Loaded “%1”: %n entries.</source>
        <translation>
            <numerusform>Loaded “%1”: %n entry.</numerusform>
            <numerusform>Loaded “%1”: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First version of “%1”: %n entries.</source>
        <translation>
            <numerusform>First version of “%1”: %n entry.</numerusform>
            <numerusform>First version of “%1”: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable record(s) skipped.</source>
        <translation>
            <numerusform>%n unreadable record skipped.</numerusform>
            <numerusform>%n unreadable records skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::ScreeningDialog</name>
    <message numerus="yes">
        <source>S&amp;elected entities (%n)</source>
        <translation>
            <numerusform>S&amp;elected entities (%n)</numerusform>
            <numerusform>S&amp;elected entities (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n entries, loaded %2</source>
        <translation>
            <numerusform>%1 — %n entry, loaded %2</numerusform>
            <numerusform>%1 — %n entries, loaded %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 against %2 (version %3, SHA-256 %4…): %n candidate(s).</source>
        <translation>
            <numerusform>%1 against %2 (version %3, SHA-256 %4…): %n candidate.</numerusform>
            <numerusform>%1 against %2 (version %3, SHA-256 %4…): %n candidates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entity(s) screened</source>
        <translation>
            <numerusform>%Ln entity screened</numerusform>
            <numerusform>%Ln entities screened</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::SourceViewer</name>
    <message numerus="yes">
        <source>%n passage(s) quoted</source>
        <translation>
            <numerusform>%n passage quoted</numerusform>
            <numerusform>%n passages quoted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other entities have this name</source>
        <translation>
            <numerusform>%n other entity has this name</numerusform>
            <numerusform>%n other entities have this name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::TimelineRenderer</name>
    <message numerus="yes">
        <source>%Ln dated fact(s) · %1 undated · partial dates drawn as shaded spans over their whole year or month</source>
        <translation>
            <numerusform>%Ln dated fact · %1 undated · partial dates drawn as shaded spans over their whole year or month</numerusform>
            <numerusform>%Ln dated facts · %1 undated · partial dates drawn as shaded spans over their whole year or month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Casegraph::Ui::UnsupportedFactsDock</name>
    <message numerus="yes">
        <source>%Ln relationship(s)</source>
        <translation>
            <numerusform>%Ln relationship</numerusform>
            <numerusform>%Ln relationships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln date(s)</source>
        <translation>
            <numerusform>%Ln date</numerusform>
            <numerusform>%Ln dates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <translation>
            <numerusform>%Ln claim</numerusform>
            <numerusform>%Ln claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %Ln of each kind are listed.</source>
        <translation>
            <numerusform>Only %Ln of each kind is listed.</numerusform>
            <numerusform>The first %Ln of each kind are listed.</numerusform>
        </translation>
    </message>
</context>
</TS>
