package ci.fast.maven.config;

import java.util.Optional;

/** A {@link Git} that answers fixed values (null: it cannot tell) and counts the questions. */
final class FakeGit implements Git {
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final String commit;
    private final String branch;
    private final String message;
    private final String name;
    private final String email;
    int questions;

    FakeGit(String commit, String branch, String message, String name, String email) {
        this.commit = commit;
        this.branch = branch;
        this.message = message;
        this.name = name;
        this.email = email;
    }

    /** Git that knows nothing: no repository. */
    static FakeGit none() {
        return new FakeGit(null, null, null, null, null);
    }

    /** A repository on branch main at {@link #SHA}. */
    static FakeGit onMain() {
        return new FakeGit(SHA, "main", "Fix the invoice total\n\nRounding was off.", "Jane Doe", "jane@example.com");
    }

    @Override
    public Optional<String> commit() {
        return answer(commit);
    }

    @Override
    public Optional<String> branch() {
        return answer(branch);
    }

    @Override
    public Optional<String> commitMessage() {
        return answer(message);
    }

    @Override
    public Optional<String> authorName() {
        return answer(name);
    }

    @Override
    public Optional<String> authorEmail() {
        return answer(email);
    }

    private Optional<String> answer(String value) {
        questions++;
        return Optional.ofNullable(value);
    }
}
