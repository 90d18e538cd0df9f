"use client";

// A page here that could not be rendered says so, and offers to try again.
export { PageError as default } from "@/components/site/page-error";
