package uk.mentoring.contracts;

/** Pappas' taxonomy of reflection, built on Bloom's: how deep a reflection goes. */
public enum ReflectionDepth {
    REMEMBERING,
    UNDERSTANDING,
    APPLYING,
    ANALYSING,
    EVALUATING,
    CREATING
}
