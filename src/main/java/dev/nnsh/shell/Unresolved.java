package dev.nnsh.shell;

import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Definitions that use names nobody declared. JShell accepts such a class or method as "recoverable"
 * and fails only when it is used, naming it by an internal key ({@code Snippet:ClassKey(A)#11-…}).
 * nnsh reports it like a compile error when it is defined, and names snippets as the user wrote them.
 */
final class Unresolved {
    private Unresolved() {}

    static boolean isRecoverable(Snippet.Status status) {
        return status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED;
    }

    /** "class A", "method f", "variable x": what the user declared, without JShell's key. */
    static String describe(Snippet s) {
        String kind = switch (s.kind()) {
            case TYPE_DECL -> switch (s.subKind()) {
                case INTERFACE_SUBKIND -> "interface";
                case ENUM_SUBKIND -> "enum";
                case RECORD_SUBKIND -> "record";
                case ANNOTATION_TYPE_SUBKIND -> "annotation";
                default -> "class";
            };
            case METHOD -> "method";
            case VAR -> "variable";
            default -> "snippet";
        };
        return s instanceof DeclarationSnippet d ? kind + " " + d.name() : kind;
    }

    /** The error for a definition with unresolved names: the names, then what to do. */
    static String definitionError(JShell shell, DeclarationSnippet d, ErrorText.Place place) {
        List<String> names = shell.unresolvedDependencies(d).collect(Collectors.toList());
        String list = names.isEmpty() ? "names that are not declared" : String.join(", ", names);
        return place.at(1) + ": error: " + describe(d) + " uses " + list + ", which "
                + (names.size() == 1 ? "is" : "are") + " not declared\n"
                + "  declare " + (names.size() == 1 ? "it" : "them") + " first, then define " + d.name() + " again\n";
    }

    /** For an exception at use: the snippet that cannot run yet and what it is waiting for. */
    static String useError(JShell shell, DeclarationSnippet d, ErrorText.Place place) {
        String waiting = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        return place.at(1) + ": error: " + describe(d) + " cannot be used until " + waiting + " is declared\n";
    }
}
