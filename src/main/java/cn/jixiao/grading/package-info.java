/**
 * How a grade is decided: the DMN table grade (bpmn/grade.dmn), the lookup of its latest deployed version, the scoring templates deployed to the engine (*.template.json), and the scoring rules wired as beans.
 *
 * <p>Uses report and scoring; the engine's DMN.
 */
package cn.jixiao.grading;
