package cn.jixiao.scoring;

/** How serious a finding is: an ERROR blocks submission for review, a WARNING is shown to every reviewer. */
public enum Severity {
    ERROR,
    WARNING
}
