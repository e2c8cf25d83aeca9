/**
 * Who is signed in and what their role may do: the three doors' sign-in, users and groups (UnitGroups, IdentityGroups), role rights, Tasklist filters, administrators.
 *
 * <p>Uses report (process keys) and engine; never the report's record or the workflow.
 */
package cn.jixiao.security;
