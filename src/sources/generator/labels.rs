//! The ground truth of a generated data set.
//!
//! Rules are judged against these labels: every number that originates
//! fraudulent traffic, and every benign number built to look like fraud, so a
//! backtest can count both the fraud a rule catches and the innocents it hits.

use serde::{Deserialize, Serialize};

/// Every fraudulent number and every benign look-alike of one data set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Labels {
    /// The seed the data set was generated with.
    pub seed: u64,
    /// Ordinary subscribers generated.
    pub subscribers: usize,
    /// Hours of traffic generated.
    pub hours: f64,
    /// Numbers that originate fraudulent calls or SMS.
    pub fraud: Vec<FraudLabel>,
    /// Benign numbers whose traffic resembles fraud.
    pub lookalikes: Vec<LookalikeLabel>,
}

/// A number that originates fraudulent traffic.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FraudLabel {
    /// The A-number or SMS sender, in E.164 with a leading '+'.
    pub number: String,
    /// What kind of fraud it commits.
    pub class: FraudClass,
}

/// A benign number whose traffic resembles fraud.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LookalikeLabel {
    /// The A-number or SMS sender, in E.164 with a leading '+'.
    pub number: String,
    /// What it really is.
    pub kind: LookalikeKind,
}

/// Kinds of fraud the generator plays. Labels written by anything else may
/// name other kinds; they are kept by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FraudClass {
    /// On-net prepaid SIMs of a scam call centre dialling strangers.
    Callcenter,
    /// Calls from abroad presenting a Thai number.
    SpoofedCallerId,
    /// A rack of SIMs terminating bypassed international calls as local ones.
    Simbox,
    /// One-ring calls from premium international numbers, hoping for call-backs.
    Wangiri,
    /// Phishing SMS with links, from SIM farms or fake base stations.
    Smishing,
    /// A class named by labels the generator did not write.
    #[serde(untagged)]
    Other(String),
}

/// Kinds of benign traffic that resemble fraud. Labels written by anything
/// else (an operator's own cases, another generator) may name other kinds;
/// a backtest reports them by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LookalikeKind {
    /// A bank's outbound call centre: many callees, long answered calls.
    BankCallcenter,
    /// A parcel driver calling recipients while moving across cells.
    DeliveryCallcenter,
    /// One-time passwords sent by SMS to many subscribers.
    OtpSender,
    /// Parcel, bill and promotion notices sent by SMS to many subscribers.
    NotificationSender,
    /// A machine SIM at a fixed cell reporting by SMS on a timer.
    IotSim,
    /// A taxi or logistics dispatcher: many calls in and out with regular contacts.
    Dispatcher,
    /// A foreign help desk calling Thai customers.
    OverseasServiceDesk,
    /// Our own subscriber abroad calling home.
    RoamerCallingHome,
    /// A kind named by labels the generator did not write.
    #[serde(untagged)]
    Other(String),
}
