package org.hubql.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Conditions on hubql's GraphiQL page (GraphiQL 2.4.7) for a test's waits, and what its editors hold.
 *
 * <p>GraphiQL shows its Execute button before its editors are wired to it: a click then does nothing. And it reads
 * the query editor's text 100 ms after the last change (debounced), so a click sooner sends the new text with the
 * <em>previous</em> text's operation name ({@code "Dashboard"}, the default query's), which the server refuses as
 * an unknown operation. So a test waits for {@link #ready} before it types, and for {@link #hasRead} before it
 * clicks, as a person's pace always does.
 */
public final class GraphiQLInBrowser {
    private static final String QUERY_EDITOR = "document.querySelector('.graphiql-query-editor .CodeMirror')";
    private static final String RESULT_EDITOR = "document.querySelector('.result-window .CodeMirror')";

    private GraphiQLInBrowser() {}

    /**
     * Whether GraphiQL has wired its editors: the query editor has read its text, which it does only once it is
     * GraphiQL's, and the result editor is on the page.
     */
    public static boolean ready(WebDriver page) {
        return !page.findElements(By.className("graphiql-execute-button")).isEmpty()
                && Boolean.TRUE.equals(
                        script(page, "return " + RESULT_EDITOR + " !== null && " + hasReadCurrentText()));
    }

    /** Replaces the query editor's text, as pasting it would. */
    public static void setQuery(WebDriver page, String query) {
        script(page, QUERY_EDITOR + ".CodeMirror.setValue(arguments[0])", query);
    }

    /** Whether GraphiQL has parsed the query editor's current text, so that Execute sends it with its own name. */
    public static boolean hasRead(WebDriver page) {
        return Boolean.TRUE.equals(script(page, "return " + hasReadCurrentText()));
    }

    /** The whole result, from the editor behind the result pane; empty while there is none. */
    public static String result(WebDriver page) {
        Object value = script(
                page, "const editor = " + RESULT_EDITOR + "; return editor ? editor.CodeMirror.getValue() : '';");
        return String.valueOf(value);
    }

    private static String hasReadCurrentText() {
        return "(() => { const editor = " + QUERY_EDITOR + ";"
                + " const parsed = editor && editor.CodeMirror.documentAST;"
                + " return !!parsed && parsed.loc.source.body === editor.CodeMirror.getValue(); })()";
    }

    private static Object script(WebDriver page, String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }
}
